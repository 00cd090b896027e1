using System.CommandLine;
using System.IO.Compression;
using LiqBot.Cli;
using LiqBot.Fakes.Bybit;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Configuration;

namespace LiqBot.Tests.Cli;

/// <summary>What a new user typed in the first hour: every mistake is one clear line and exit 2, and changes nothing.</summary>
public sealed class FirstHourTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task UnknownVerb_IsRefused_InsteadOfStartingTheBot() =>
        (await CliRun.Of("frobnicate")).AssertBadInput("unknown verb 'frobnicate': use run, zones, render, backtest, record");

    [Fact]
    public async Task MisspelledRunOption_IsRefused_WithTheLikelyOne() =>
        (await CliRun.Of("--sped", "60")).AssertBadInput("unknown option '--sped'; did you mean --speed?");

    [Fact]
    public async Task MisspelledSettingKey_IsRefused_WithTheSectionsKeys() =>
        (await CliRun.Of("run", "--Storage:SqlitPath", "x")).AssertBadInput("unknown setting 'Storage:SqlitPath': Storage has Provider, SqlitePath");

    [Fact]
    public async Task UnknownSettingSection_IsRefused() =>
        (await CliRun.Of("run", "--Stroage:SqlitePath", "x")).AssertBadInput("there is no section 'Stroage'");

    [Theory]
    [InlineData("doge", "DOGEUSDT")]
    [InlineData("eth", "ETHUSDT")]
    public async Task SymbolThatDisagreesWithTheFile_IsRefused(string asked, string resolved) =>
        (await CliRun.Of("zones", "--data", RepoPaths.Sample, "--symbol", asked))
            .AssertBadInput($"is taken to hold BTCUSDT (a CSV names no symbol; its file name starts with 'btc'), not {resolved}");

    [Fact]
    public async Task SymbolAlias_ThatAgreesWithTheFile_IsAccepted()
    {
        var run = await CliRun.Of("zones", "--data", RepoPaths.Sample, "--symbol", "btc");

        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("BTCUSDT 24h", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordingThatIsNotGzip_ExitsTwo_NamingTheFile()
    {
        var path = _folder.File("x.jsonl.gz");
        await File.WriteAllTextAsync(path, "not gzip at all\n");

        (await CliRun.Of("zones", "--data", path)).AssertBadInput($"'{path}' is not a recording");
    }

    [Fact]
    public async Task GzippedCsv_ExitsTwo_NamingTheFileAndLine()
    {
        var path = _folder.File("bars.csv.gz");
        await using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest))
        {
            await gzip.WriteAsync(await File.ReadAllBytesAsync(RepoPaths.Sample));
        }

        (await CliRun.Of("zones", "--data", path)).AssertBadInput($"{path}: line 1 is not a recorded frame");
    }

    [Fact]
    public async Task CsvCutInsideItsLastOpenInterest_IsRefusedWithTheLine()
    {
        var lines = File.ReadLines(RepoPaths.Sample).Take(60).Select(OpenInterestLast).ToList();
        lines[^1] = lines[^1][..(lines[^1].LastIndexOf(',') + 3)]; // "...,62" as a cut download leaves it
        var path = _folder.File("btc-cut.csv");
        await File.WriteAllLinesAsync(path, lines);

        (await CliRun.Of("zones", "--data", path)).AssertBadInput("line 60: open interest");
    }

    [Fact]
    public async Task RenderIntoADirectory_SaysItIsADirectory() =>
        (await CliRun.Of("render", "--data", RepoPaths.Sample, "--kind", "map", "--out", _folder.Path)).AssertBadInput("is a directory");

    [Fact]
    public async Task RunOnACorruptReplay_ExitsTwoWithOneLine_InsteadOfRunningForever()
    {
        var path = _folder.File("bad.jsonl.gz");
        await using (var gzip = new StreamWriter(new GZipStream(File.Create(path), CompressionLevel.Fastest)))
        {
            await gzip.WriteLineAsync("""{"t":1,"frame":"{}"}""");
            await gzip.WriteLineAsync("{\"t\":2,\"fra");
        }

        (await CliRun.Of("run", "--replay", path)).AssertBadInput("line 2 is not a recorded frame");
    }

    [Fact]
    public async Task RecordThatGotNoMarketData_FailsWithOneLine_AndLeavesNoFile()
    {
        await using var fake = await FakeBybitServer.StartAsync();
        var path = _folder.File("empty.jsonl.gz");
        fake.HistoryEnd = TimeProvider.System.GetUtcNow() - TimeSpan.FromDays(1); // REST answers, but has nothing of the recording's time
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Market:Venues:0"] = "bybit",
            ["Bybit:RestUrl"] = fake.RestUrl.ToString(),
            ["Bybit:StreamUrl"] = fake.StreamUrl.ToString(),
        }).Build();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var root = new RootCommand { RecordVerb.Create(stdout, configuration) };

        var code = await root.Parse(["record", "--symbol", "btc", "--duration", "5s", "--history", "10m", "--out", path]).InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr });

        Assert.Equal(ExitCodes.Failure, code);
        Assert.False(File.Exists(path));
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("no live BTCUSDT data arrived from Bybit", line, StringComparison.Ordinal);
        Assert.Contains(fake.Requests, r => r.Contains("symbol=BTCUSDT", StringComparison.Ordinal)); // it asked the venue, which had nothing live
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The sample's row with oi_close moved to the end, so a cut last value is an open interest.</summary>
    private static string OpenInterestLast(string line)
    {
        var fields = line.Split(',').ToList();
        var oi = fields[16];
        fields.RemoveAt(16);
        fields.Add(oi);
        return string.Join(',', fields);
    }
}
