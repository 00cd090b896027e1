using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Risk;
using LiqBot.Exchanges.Replay;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Hosting;

/// <summary>/risk on the console after a replay: the reply is the one the replayed book at that time gives, and the image is saved.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class ConsoleRiskTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Run_ReplayThenRisk_AnswersFromTheBookAtTheEndOfTheReplay()
    {
        var book = new LiquidationBook("BTCUSDT", new ModelOptions());
        book.ApplyHistory(BarCsvFile.Read(RepoPaths.Sample, "BTCUSDT").Bars.ToArray());
        var snapshot = book.Snapshot(TimeWindow.H24, "replay");
        Assert.True(PositionRisk.TryAssess(snapshot, new RiskPosition(PositionSide.Long, 20, 64_000), MarginSchedule.Flat(0.005, 125, "configured default, no venue tiers in a replay"), out var expected, out var error), error);

        var output = await ConsoleBot.RunAsync(_folder, RepoPaths.Sample, "/risk btc long 20x 64000\n/risk btc long 20x 64000 cross\n");

        Assert.Contains(RiskBrief.Write(expected, snapshot.BinSize), output, StringComparison.Ordinal);
        Assert.Contains("liquidated at 61,120 (", output, StringComparison.Ordinal);
        Assert.Contains("Cross margin cannot be estimated", output, StringComparison.Ordinal);
        var image = Path.Combine(_folder.Path, "out", "risk-BTCUSDT.png");
        Assert.Contains($"image: {image}", output, StringComparison.Ordinal);
        Assert.True(new FileInfo(image).Length > 10_000);
    }

    public void Dispose() => _folder.Dispose();
}
