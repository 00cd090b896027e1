using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Tests.Zones;

public sealed class ZoneFinderTests
{
    private static readonly ZoneOptions OneBinResolution = new() { ResolutionPct = 0.1 };

    [Fact]
    public void Find_DenseRunBelowPrice_IsALongZoneWithItsEdgesNotionalAndDistance()
    {
        var book = Books.Background(100_000, new Dictionary<double, double> { [97_000] = 20e6, [97_100] = 30e6 }, new Dictionary<double, double>());

        var zone = Assert.Single(ZoneFinder.Find(book, OneBinResolution), z => z.Side == PositionSide.Long);

        Assert.Equal(97_000, zone.Low);
        Assert.Equal(97_200, zone.High);
        Assert.Equal(52e6, zone.NotionalUsd, 0);
        Assert.Equal(-2.8, zone.DistancePct, 6);
    }

    [Fact]
    public void Find_LongZonesOnlyBelowAndShortZonesOnlyAbovePrice()
    {
        var book = Books.Background(
            100_000,
            new Dictionary<double, double> { [95_000] = 40e6, [98_000] = 25e6 },
            new Dictionary<double, double> { [103_000] = 35e6, [106_000] = 15e6 });

        var zones = ZoneFinder.Find(book, OneBinResolution);

        Assert.Equal(4, zones.Count);
        Assert.All(zones.Where(z => z.Side == PositionSide.Long), z => Assert.True(z.High <= 100_000 && z.DistancePct < 0));
        Assert.All(zones.Where(z => z.Side == PositionSide.Short), z => Assert.True(z.Low >= 100_000 && z.DistancePct > 0));
        Assert.Equal(95_000, zones.First(z => z.Side == PositionSide.Long).Low);
        Assert.Equal(103_000, zones.First(z => z.Side == PositionSide.Short).Low);
    }

    [Fact]
    public void Find_OneThinBinInsideARun_IsBridged()
    {
        var book = Books.Background(100_000, new Dictionary<double, double> { [96_000] = 20e6, [96_200] = 20e6 }, new Dictionary<double, double>());

        var zone = Assert.Single(ZoneFinder.Find(book, OneBinResolution), z => z.Side == PositionSide.Long);

        Assert.Equal(96_000, zone.Low);
        Assert.Equal(96_300, zone.High);
        Assert.Equal(43e6, zone.NotionalUsd, 0);
    }

    [Fact]
    public void Find_MoreZonesThanAllowed_KeepsTheLargest()
    {
        var longs = new Dictionary<double, double> { [90_000] = 10e6, [92_000] = 50e6, [94_000] = 30e6, [96_000] = 20e6 };
        var book = Books.Background(100_000, longs, new Dictionary<double, double>());

        var zones = ZoneFinder.Find(book, OneBinResolution with { MaxZonesPerSide = 2 });

        Assert.Equal([92_000, 94_000], zones.Select(z => z.Low));
    }

    [Fact]
    public void Find_BeyondMaxDistance_IsIgnored()
    {
        var book = Books.Background(100_000, new Dictionary<double, double> { [81_000] = 90e6 }, new Dictionary<double, double>());

        Assert.Empty(ZoneFinder.Find(book, OneBinResolution with { MaxDistancePct = 10 }));
    }

    [Fact]
    public void Find_EmptyBook_FindsNothing()
    {
        var empty = Engine.Model.BookSnapshot.Empty("BTCUSDT", DateTimeOffset.UnixEpoch, Engine.Model.TimeWindow.H24, [], "test");

        Assert.Empty(ZoneFinder.Find(empty));
    }
}
