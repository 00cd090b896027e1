using System.Text.Json;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Cli;

public sealed class ZonesVerbTests
{
    [Fact]
    public async Task Zones_Json_PrintsTheContractShape()
    {
        var run = await CliRun.Of("zones", "--data", RepoPaths.Sample, "--at", "2026-06-01T00:00Z", "--window", "3d", "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.Equal("BTCUSDT", root.GetProperty("symbol").GetString());
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), root.GetProperty("at").GetDateTimeOffset());
        Assert.Equal("3d", root.GetProperty("window").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("venues").ValueKind); // a bar CSV does not say which venues it sums
        Assert.Equal(100, root.GetProperty("binSize").GetDouble());
        var price = root.GetProperty("price").GetDouble();
        var zones = root.GetProperty("zones").EnumerateArray().ToList();
        Assert.NotEmpty(zones);
        foreach (var zone in zones)
        {
            var side = zone.GetProperty("side").GetString();
            var low = zone.GetProperty("low").GetDouble();
            var high = zone.GetProperty("high").GetDouble();
            Assert.True(low < high);
            Assert.True(zone.GetProperty("notionalUsd").GetDouble() > 0);
            Assert.True(side == "long" ? high <= price && zone.GetProperty("distancePct").GetDouble() < 0 : low >= price && zone.GetProperty("distancePct").GetDouble() > 0);
        }
    }

    [Fact]
    public async Task Zones_Text_PrintsTheBriefThenATable()
    {
        var run = await CliRun.Of("zones", "--data", RepoPaths.Sample);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Stdout.Split('\n');
        Assert.StartsWith("BTCUSDT 24h, price ", lines[0], StringComparison.Ordinal);
        Assert.Contains("Longs: densest ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("side ", lines[2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("long ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Zones_MissingFile_ExitsTwoWithOneLine() =>
        (await CliRun.Of("zones", "--data", "/nonexistent/bars.csv")).AssertBadInput("does not exist");

    [Fact]
    public async Task Zones_CsvWithoutNeededColumns_NamesThem()
    {
        using var temp = new TempDirectory();
        var liquidationsOnly = temp.File("liq.csv");
        await File.WriteAllTextAsync(liquidationsOnly, "timestamp,datetime_utc,longUsd,shortUsd,totalUsd\n1763874000000,2025-11-23T05:00:00.000Z,1,2,3\n");

        (await CliRun.Of("zones", "--data", liquidationsOnly)).AssertBadInput("lacks the column(s) price_open, price_high, price_low, price_close, oi_close");
    }

    [Fact]
    public async Task Zones_CorruptRow_NamesTheLine()
    {
        using var temp = new TempDirectory();
        var lines = File.ReadLines(RepoPaths.Sample).Take(10).ToList();
        lines[5] = lines[5].Replace(",77", ",x77", StringComparison.Ordinal);
        var corrupt = temp.File("corrupt.csv");
        await File.WriteAllLinesAsync(corrupt, lines);

        (await CliRun.Of("zones", "--data", corrupt)).AssertBadInput("line 6:");
    }

    [Fact]
    public async Task Zones_AtOutsideTheData_ExitsTwo() =>
        (await CliRun.Of("zones", "--data", RepoPaths.Sample, "--at", "2027-01-01T00:00Z")).AssertBadInput("outside the data (2026-05-21T10:30Z to 2026-06-08T00:00Z)");

    [Fact]
    public async Task Zones_UnknownWindow_ListsTheWindows() =>
        (await CliRun.Of("zones", "--data", RepoPaths.Sample, "--window", "2h")).AssertBadInput("unknown window '2h': use 12h, 24h, 3d, 7d, 30d");

    [Fact]
    public async Task Zones_BadSymbol_ExitsTwo() =>
        (await CliRun.Of("zones", "--data", RepoPaths.Sample, "--symbol", "BTC'; DROP TABLE")).AssertBadInput("is not a symbol");

    [Fact]
    public async Task Zones_MissingDataOption_IsBadUsage() =>
        (await CliRun.Of("zones")).AssertBadInput("--data");
}
