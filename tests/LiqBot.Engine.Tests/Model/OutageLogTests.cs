using LiqBot.Engine.Model;

namespace LiqBot.Engine.Tests.Model;

public sealed class OutageLogTests
{
    private static readonly DateTimeOffset T0 = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(double minutes) => T0.AddMinutes(minutes);

    private static FeedOutage Closed(double from, double to) => new(At(from), At(to), "Binance", "pong timeout");

    private static FeedOutage Open(double from) => new(At(from), null, "Binance", "connecting");

    [Fact]
    public void Record_OverlappingAndTouchingSpans_MergeIntoOneKeepingTheFirstReason()
    {
        var log = new OutageLog();
        log.Record(Closed(4, 9));
        log.Record(new FeedOutage(At(8), At(12), "Binance", "stream closed"));
        log.Record(Closed(12, 13));
        log.Record(Closed(20, 21));

        Assert.Equal([(At(4), (DateTimeOffset?)At(13), "pong timeout"), (At(20), At(21), "pong timeout")], log.All.Select(o => (o.From, o.To, o.Reason)));
    }

    [Fact]
    public void Record_StartSpanAndAnOutageRightAfterIt_StayApart_AndTheClosedStartEndsTheOpenOne()
    {
        var log = new OutageLog();
        log.Record(FeedOutage.BeforeStart(null, "Bybit"));
        log.Record(FeedOutage.BeforeStart(At(1), "Bybit"));
        log.Record(new FeedOutage(At(1), At(3), "Bybit", "pong timeout"));
        log.Record(FeedOutage.BeforeStart(At(1), "Bybit"));

        Assert.Equal([(DateTimeOffset.MinValue, (DateTimeOffset?)At(1), true), (At(1), At(3), false)], log.All.Select(o => (o.From, o.To, o.IsStart)));
        Assert.Single(log.Within(At(-600), At(-590)), o => o.IsStart); // before the start nothing was received
        Assert.Empty(log.Within(At(5), At(10)));
    }

    [Fact]
    public void Record_OutOfOrderSpan_IsInsertedInTimeOrder()
    {
        var log = new OutageLog();
        log.Record(Closed(20, 21));
        log.Record(Closed(4, 9));

        Assert.Equal([At(4), At(20)], log.All.Select(o => o.From));
    }

    [Fact]
    public void Record_SameOutagesAgain_ChangesNothing()
    {
        var log = new OutageLog();
        FeedOutage[] all = [Closed(1, 2), Closed(5, 7), Open(10)];
        foreach (var outage in all.Concat(all))
        {
            log.Record(outage);
        }

        Assert.Equal(all, log.All);
        Assert.True(log.IsDown);
    }

    [Fact]
    public void Record_ClosedSpanOfTheOpenOutage_EndsIt()
    {
        var log = new OutageLog();
        log.Record(Open(10));

        log.Record(Closed(10, 14));

        var outage = Assert.Single(log.All);
        Assert.Equal(At(14), outage.To);
        Assert.False(log.IsDown);
    }

    [Fact]
    public void Record_OutageThatEndedAsItBegan_LeavesNothing()
    {
        var log = new OutageLog();
        log.Record(Open(10));

        log.Record(Closed(10, 10));

        Assert.Empty(log.All);
    }

    [Fact]
    public void Record_MoreThanTheCap_KeepsTheNewest()
    {
        var log = new OutageLog();
        for (var i = 0; i < OutageLog.MaxKept + 10; i++)
        {
            log.Record(Closed(i * 2, (i * 2) + 1));
        }

        Assert.Equal(OutageLog.MaxKept, log.Count);
        Assert.Equal(At(20), log.All[0].From);
    }

    [Fact]
    public void Trim_DropsOutagesThatEndedBeforeTheHistory_KeepsOverlappingAndOpenOnes()
    {
        var log = new OutageLog();
        log.Record(Closed(1, 2));
        log.Record(Closed(5, 9));
        log.Record(Open(30));

        log.Trim(At(6));

        Assert.Equal([At(5), At(30)], log.All.Select(o => o.From));
    }

    [Fact]
    public void Book_BarsBeyondTheLongestWindow_TrimTheOutagesBeforeIt()
    {
        var book = new LiquidationBook("BTCUSDT", new ModelOptions { BinSize = 100 });
        book.Outages.Record(new FeedOutage(Bars.Start.AddMinutes(1), Bars.Start.AddMinutes(2), "Bybit"));
        book.Apply(Bars.At(0, 100_000, 1e9));
        Assert.Equal(1, book.Outages.Count);

        book.Apply(Bars.At((int)TimeWindow.Longest.Span.TotalMinutes + 5, 100_000, 1e9));

        Assert.Equal(0, book.Outages.Count);
    }

    [Theory]
    [InlineData(0, 4, false)] // ends before the span starts
    [InlineData(0, 5, false)] // [from, to): ends exactly where the window begins
    [InlineData(0, 6, true)]
    [InlineData(7, 8, true)] // inside
    [InlineData(10, 12, true)] // starts at the window's end
    [InlineData(11, 12, false)]
    public void Within_ReturnsSpansOverlappingTheWindow(double from, double to, bool overlaps)
    {
        var log = new OutageLog();
        log.Record(Closed(from, to));

        Assert.Equal(overlaps, log.Within(At(5), At(10)).Count == 1);
    }

    [Fact]
    public void Within_OpenOutage_ReachesTheWindowsEnd()
    {
        var log = new OutageLog();
        log.Record(Open(3));

        Assert.Single(log.Within(At(5), At(10)));
        Assert.Empty(log.Within(At(0), At(2)));
    }

    [Theory]
    [InlineData(4, 9.5, "12:04-12:09 UTC")]
    [InlineData(4.25, 4.5, "12:04:15-12:04:30 UTC")]
    public void Span_SaysTheClockTimes(double from, double to, string expected) => Assert.Equal(expected, Closed(from, to).Span());

    [Fact]
    public void Span_OpenOutage_SaysSince() => Assert.Equal("since 12:04 UTC", Open(4).Span());
}
