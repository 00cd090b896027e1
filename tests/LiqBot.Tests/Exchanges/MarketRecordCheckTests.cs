using LiqBot.Engine.Market;
using LiqBot.Exchanges;

namespace LiqBot.Tests.Exchanges;

public sealed class MarketRecordCheckTests
{
    private static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private readonly MarketRecordCheck _check = new();

    [Fact]
    public void AGoodBar_Passes() => Assert.Null(_check.Problem(BarAt(0)));

    [Theory]
    [InlineData(100, 99, 101, 100, SkippedRecordKind.BarRange)]     // high below low
    [InlineData(102, 101, 99, 100, SkippedRecordKind.BarRange)]     // open above high
    [InlineData(100, 101, 99, 98, SkippedRecordKind.BarRange)]      // close below low
    [InlineData(double.NaN, 101, 99, 100, SkippedRecordKind.BadPrice)]
    [InlineData(100, 101, 0, 100, SkippedRecordKind.BadPrice)]
    [InlineData(100, 101, -99, 100, SkippedRecordKind.BadPrice)]
    [InlineData(100, double.PositiveInfinity, 99, 100, SkippedRecordKind.BadPrice)]
    public void ABrokenBar_IsNamedByKind(double open, double high, double low, double close, SkippedRecordKind kind) =>
        Assert.Equal(kind, _check.Problem(new BarClosed("BTCUSDT", new Bar(Start, TimeSpan.FromMinutes(1), open, high, low, close, 1e9))));

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(double.NaN)]
    public void OpenInterestThatIsNoAmount_IsBadAmount(double openInterest) =>
        Assert.Equal(SkippedRecordKind.BadAmount, _check.Problem(BarAt(0, openInterest)));

    [Fact]
    public void ANegativeVolume_IsBadAmount() =>
        Assert.Equal(SkippedRecordKind.BadAmount, _check.Problem(new BarClosed("BTCUSDT", BarAt(0).Bar with { TakerBuyUsd = -5 })));

    [Fact]
    public void OpenInterestCutToAFewDollars_IsAJump_AndTheNextGoodBarPasses()
    {
        Assert.Null(_check.Problem(BarAt(0, 5e9)));
        Assert.Equal(SkippedRecordKind.OpenInterestJump, _check.Problem(BarAt(1, 62)));
        Assert.Null(_check.Problem(BarAt(2, 5.1e9)));
    }

    [Fact]
    public void ANewOpenInterestLevel_HeldForThreeBars_IsBelieved()
    {
        Assert.Null(_check.Problem(BarAt(0, 5e9)));
        Assert.Equal(SkippedRecordKind.OpenInterestJump, _check.Problem(BarAt(1, 15e9)));
        Assert.Equal(SkippedRecordKind.OpenInterestJump, _check.Problem(BarAt(2, 15.1e9)));
        Assert.Null(_check.Problem(BarAt(3, 15.2e9)));
        Assert.Null(_check.Problem(BarAt(4, 15.3e9)));
    }

    [Fact]
    public void ABarOpeningBeforeTheLastClosed_IsOutOfOrder_OtherSymbolsAreJudgedApart()
    {
        Assert.Null(_check.Problem(BarAt(5)));
        Assert.Equal(SkippedRecordKind.OutOfOrder, _check.Problem(BarAt(3)));
        Assert.Null(_check.Problem(BarAt(3) with { Symbol = "ETHUSDT" }));
    }

    [Fact]
    public void LiquidationsAndTicks_NeedAPositivePriceAndSize_AndNoOlderThanTheLastBar()
    {
        Assert.Null(_check.Problem(BarAt(5)));
        Assert.Null(_check.Problem(Liquidation(5.5, 100, 1e5)));
        Assert.Equal(SkippedRecordKind.BadPrice, _check.Problem(Liquidation(5.5, double.NaN, 1e5)));
        Assert.Equal(SkippedRecordKind.BadAmount, _check.Problem(Liquidation(5.5, 100, -1)));
        Assert.Equal(SkippedRecordKind.OutOfOrder, _check.Problem(Liquidation(2, 100, 1e5)));
        Assert.Null(_check.Problem(new PriceTicked("BTCUSDT", Start.AddMinutes(6.2), 100.2)));
        Assert.Equal(SkippedRecordKind.BadPrice, _check.Problem(new PriceTicked("BTCUSDT", Start.AddMinutes(6.3), 0)));
        Assert.Equal(SkippedRecordKind.OutOfOrder, _check.Problem(new PriceTicked("BTCUSDT", Start.AddMinutes(1), 100)));
    }

    private static BarClosed BarAt(int minute, double openInterest = 1e9) =>
        new("BTCUSDT", new Bar(Start.AddMinutes(minute), TimeSpan.FromMinutes(1), 100, 101, 99, 100.5, openInterest));

    private static LiquidationReported Liquidation(double minute, double price, double usd) =>
        new("BTCUSDT", new RealizedLiquidation(Start.AddMinutes(minute), PositionSide.Long, price, usd));
}
