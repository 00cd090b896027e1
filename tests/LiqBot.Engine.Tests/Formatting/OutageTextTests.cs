using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Formatting;

public sealed class OutageTextTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 23, 50, 0, TimeSpan.Zero);

    [Fact]
    public void List_GroupsSpansByVenueInTheOrderOfTheirFirstOutage()
    {
        FeedOutage[] outages = [new(T0.AddMinutes(20), null, "OKX"), new(T0, T0.AddMinutes(5), "Binance"), new(T0.AddMinutes(30), T0.AddMinutes(31), "Binance")];

        Assert.Equal("Binance down 23:50-23:55 UTC, 00:20-00:21 UTC; OKX down since 00:10 UTC", OutageText.List(outages, v => $"{v} down "));
    }

    [Fact]
    public void List_WithDate_DatesTheStartAndAnEndOnAnotherDay()
    {
        Assert.Equal("Bybit down 06-01 23:50-06-02 00:10 UTC", OutageText.List([new FeedOutage(T0, T0.AddMinutes(20), "Bybit")], v => $"{v} down ", withDate: true));
    }

    [Fact]
    public void List_ManyOutages_ListsAFewAndCountsTheRest()
    {
        var outages = Enumerable.Range(0, 7).Select(i => new FeedOutage(T0.AddMinutes(10 * i), T0.AddMinutes((10 * i) + 2), "OKX"));

        Assert.Equal("OKX down 23:50-23:52 UTC, 00:00-00:02 UTC, 00:10-00:12 UTC, 00:20-00:22 UTC (+3 more)", OutageText.List(outages, v => $"{v} down "));
    }

    [Fact]
    public void SpansOfAVenueLessThanAMinuteApart_AreToldAsOne()
    {
        FeedOutage[] outages =
        [
            new(T0, T0.AddSeconds(2), "Bybit"),
            new(T0.AddSeconds(2.5), T0.AddSeconds(9), "Bybit"),
            new(T0.AddSeconds(5), T0.AddSeconds(30), "OKX"),
            new(T0.AddSeconds(40), null, "Bybit"),
        ];

        Assert.Equal("Bybit down since 23:50 UTC; OKX down 23:50:05-23:50:30 UTC", OutageText.List(outages, v => $"{v} down "));
        Assert.Equal("Bybit down 23:50:00-23:50:09 UTC", OutageText.List(outages[..2], v => $"{v} down "));
    }

    [Fact]
    public void StartSpans_AreToldOnceFirst_WithTheLastFirstConnection_NotAsAVenueDown()
    {
        FeedOutage[] outages =
        [
            FeedOutage.BeforeStart(T0.AddSeconds(5), "Bybit"),
            FeedOutage.BeforeStart(T0.AddSeconds(8), "OKX"),
            new(T0.AddMinutes(3), T0.AddMinutes(4), "Bybit"),
        ];

        Assert.Equal("before the start at 23:50:08 UTC; Bybit down 23:53-23:54 UTC", OutageText.List(outages, v => $"{v} down "));
        Assert.Equal("Liquidations missing before the start at 23:50:08 UTC", OutageText.List(outages[..2], v => $"{v}'s liquidations missing ", startPrefix: "Liquidations missing "));
        Assert.Equal("since the start, OKX still connecting", OutageText.List([outages[0], FeedOutage.BeforeStart(null, "OKX")], v => $"{v} down "));
    }
}
