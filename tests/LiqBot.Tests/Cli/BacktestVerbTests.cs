using System.Text.Json;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Cli;

public sealed class BacktestVerbTests
{
    [Fact]
    public async Task Backtest_Json_ScoresBothSamplesAndSides()
    {
        var run = await CliRun.Of("backtest", "--data", RepoPaths.Sample, "--json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("bars").GetInt32() > 700);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), root.GetProperty("split").GetDateTimeOffset());
        foreach (var sample in new[] { "inSample", "outOfSample" })
        {
            foreach (var side in new[] { "long", "short" })
            {
                var score = root.GetProperty(sample).GetProperty(side);
                Assert.InRange(score.GetProperty("spearman").GetDouble(), -1, 1);
                Assert.InRange(score.GetProperty("baselineSpearman").GetDouble(), -1, 1);
                Assert.InRange(score.GetProperty("partialSpearman").GetDouble(), -1, 1);
            }
        }
    }

    [Fact]
    public async Task Backtest_Text_HasOneRowPerSampleAndSide()
    {
        var run = await CliRun.Of("backtest", "--data", RepoPaths.Sample, "--split", "2026-05-28T00:00Z");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("split at 2026-05-28T00:00Z", run.Stdout, StringComparison.Ordinal);
        Assert.Equal(4, run.Stdout.Split('\n').Count(l => l.Contains("sample ", StringComparison.Ordinal) && (l.Contains(" long ", StringComparison.Ordinal) || l.Contains(" short ", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Backtest_BadSplit_ExitsTwo() =>
        (await CliRun.Of("backtest", "--data", RepoPaths.Sample, "--split", "soon")).AssertBadInput("--split 'soon' is not an ISO 8601 time");
}
