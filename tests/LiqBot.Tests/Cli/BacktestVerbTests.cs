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
                var interval = score.GetProperty("partialCi");
                Assert.InRange(score.GetProperty("partialSpearman").GetDouble(), interval.GetProperty("low").GetDouble(), interval.GetProperty("high").GetDouble());
                Assert.InRange(score.GetProperty("breakoutPartial").GetDouble(), -1, 1);
                Assert.Equal(20, score.GetProperty("shiftedOi").GetProperty("copies").GetInt32());
                Assert.InRange(score.GetProperty("shiftedOi").GetProperty("p").GetDouble(), 0.05, 1);
                Assert.InRange(score.GetProperty("distanceOnly").GetProperty("partialSpearman").GetDouble(), -1, 1);
                Assert.InRange(score.GetProperty("zones").GetProperty("bandTouchRate").GetDouble(), 0, 1);
            }
        }

        Assert.Equal(1000, root.GetProperty("bootstrapDraws").GetInt32());
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
    public async Task Backtest_SplitBeforeTheData_ExitsTwoSayingAWindowIsEmpty() =>
        (await CliRun.Of("backtest", "--data", RepoPaths.Sample, "--split", "2019-01-01")).AssertBadInput("--split 2019-01-01T00:00Z leaves a window empty");

    [Fact]
    public async Task Backtest_SplitAfterTheData_ExitsTwo() =>
        (await CliRun.Of("backtest", "--data", RepoPaths.Sample, "--split", "2030-01-01")).AssertBadInput("--split 2030-01-01T00:00Z leaves a window empty");

    [Fact]
    public async Task Backtest_BadSplit_ExitsTwo() =>
        (await CliRun.Of("backtest", "--data", RepoPaths.Sample, "--split", "soon")).AssertBadInput("--split 'soon' is not an ISO 8601 time");
}
