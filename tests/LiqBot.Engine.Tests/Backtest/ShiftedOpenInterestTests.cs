using LiqBot.Engine.Backtest;
using LiqBot.Engine.Market;

namespace LiqBot.Engine.Tests.Backtest;

public sealed class ShiftedOpenInterestTests
{
    private static readonly Bar[] Twenty = Enumerable.Range(0, 20)
        .Select(i => new Bar(new DateTimeOffset(2026, 1, 1, i, 0, 0, TimeSpan.Zero), TimeSpan.FromHours(1), 100 + i, 101 + i, 99 + i, 100 + i, 1_000 + i, LiquidatedLongUsd: i, LiquidatedShortUsd: 2 * i))
        .ToArray();

    [Fact]
    public void Shift_MovesOnlyOpenInterest_CircularlyByKTimesNOverCopies()
    {
        var shifted = ShiftedOpenInterest.Shift(Twenty, k: 3, copies: 20);

        Assert.Equal([1_003, 1_004, 1_005], shifted.Take(3).Select(b => b.OpenInterestUsd));
        Assert.Equal([1_019, 1_000, 1_001, 1_002], shifted.Skip(16).Select(b => b.OpenInterestUsd));
        Assert.Equal(Twenty.Select(b => b with { OpenInterestUsd = 0 }), shifted.Select(b => b with { OpenInterestUsd = 0 }));
    }

    [Fact]
    public void Shift_TenOfTwentyCopiesOfFortyBars_ShiftsByTwenty() =>
        Assert.Equal(1_000 + 25, ShiftedOpenInterest.Shift([.. Twenty, .. Twenty.Select(b => b with { OpenInterestUsd = b.OpenInterestUsd + 20 })], k: 10, copies: 20)[5].OpenInterestUsd);

    [Theory]
    [InlineData(0.9, 1)]
    [InlineData(0.5, 3)]
    [InlineData(0.0, 5)]
    public void Rank_CountsNullScoresAtOrAboveTheReal(double real, int expected) =>
        Assert.Equal(expected, ShiftedOpenInterest.Rank(real, [0.1, 0.6, 0.5, 0.2]));

    [Fact]
    public void Rank_NaNRealScore_RanksLast() => Assert.Equal(5, ShiftedOpenInterest.Rank(double.NaN, [0.1, 0.6, 0.5, 0.2]));
}
