using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Tests.Zones;

public sealed class MarketBriefTests
{
    [Fact]
    public void Write_ReadsLikeATradersNote()
    {
        var book = Books.Background(
            91_200,
            new Dictionary<double, double> { [88_000] = 200e6, [88_500] = 200e6 },
            new Dictionary<double, double> { [94_000] = 150e6, [95_000] = 150e6 });

        var brief = MarketBrief.Write(book);

        Assert.Equal(
            "BTCUSDT 24h, price 91.2k. Longs: densest 88.0k-88.6k ($406M est., -2.9 %). "
            + "Shorts: densest 94.0k-94.2k ($152M, +3.1 %), then 95.0k-95.2k ($152M, +4.2 %). "
            + "Between: 88.6k-94.0k thin. Skew: longs 1.3x shorts within 5 %.",
            brief);
    }

    [Fact]
    public void Write_NoDenseZoneOnASide_SaysSo()
    {
        var book = Books.With(91_200, new Dictionary<double, double> { [88_000] = 5e6 }, new Dictionary<double, double>());

        var brief = MarketBrief.Write(book);

        Assert.Contains("Shorts: no dense zone within 20 %.", brief);
        Assert.Contains("Skew: only longs within 5 %.", brief);
    }

    [Fact]
    public void Write_EmptyBook_SaysItWaitsForData() =>
        Assert.Equal("BTCUSDT: waiting for market data.", MarketBrief.Write(BookSnapshot.Empty("BTCUSDT", DateTimeOffset.UnixEpoch, TimeWindow.H24, [], "test")));
}
