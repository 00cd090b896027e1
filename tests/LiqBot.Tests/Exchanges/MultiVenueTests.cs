using System.Collections.Concurrent;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Tests.Exchanges.Binance;
using LiqBot.Tests.Exchanges.Okx;

namespace LiqBot.Tests.Exchanges;

/// <summary>Venues side by side: each supervised on its own, one down from the start leaving the others serving.</summary>
public sealed class MultiVenueTests
{
    [Fact]
    public async Task OkxDownFromTheStart_BinanceServesAlone_TheReplyNamesOkx_AndItsBookStaysEmpty()
    {
        var (binanceFake, binance, disposeBinance) = await BinanceHarness.CreateAsync();
        var (okxFake, okx, disposeOkx) = await OkxHarness.CreateAsync(f => f.Instruments.Clear());
        var feeds = new VenueFeeds([new VenueFeed(Venue.Binance, VenueHarness.Supervise(binance)), new VenueFeed(Venue.Okx, VenueHarness.Supervise(okx))]);
        var events = new ConcurrentQueue<VenueEvent>();
        using var stop = new CancellationTokenSource();
        var consumer = Task.Run(async () =>
        {
            try
            {
                await foreach (var e in feeds.StreamAsync(stop.Token))
                {
                    events.Enqueue(e);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });

        try
        {
            await VenueHarness.WaitUntilAsync(() => binance.Status.IsLive && events.Count >= 24 && okxFake.Host.RequestCount("/api/v5/public/instruments") >= 2 && okx.Status.State == FeedState.Unavailable);

            Assert.All(events, e => Assert.Equal(Venue.Binance, e.Venue));
            Assert.Equal([Venue.Binance], feeds.Serving.Select(f => f.Venue));
            Assert.StartsWith("OKX stale since ", VenueStatusText.Describe(feeds), StringComparison.Ordinal);
            Assert.Contains("OKX lists no BTC-USDT-SWAP", VenueStatusText.Describe(feeds), StringComparison.Ordinal);

            var markets = new MarketRegistry(new SymbolCatalog(["BTCUSDT"]), new ModelOptions(), feeds.Venues);
            var btc = markets.Find("BTCUSDT")!;
            foreach (var (venue, marketEvent) in events.ToList())
            {
                btc.Apply(venue, marketEvent);
            }

            Assert.Equal([Venue.Binance], btc.VenuesIn(null));
            Assert.Equal(0, btc.BookOf(Venue.Okx).BarCount);
            var (aggregate, _) = btc.Read(TimeWindow.H24, withHeatmap: false);
            var (alone, _) = btc.Read(TimeWindow.H24, withHeatmap: false, Venue.Binance);
            Assert.Equal(alone.Totals(PositionSide.Long).Sum(), aggregate.Totals(PositionSide.Long).Sum(), 6);
        }
        finally
        {
            await stop.CancelAsync();
            await consumer;
            await disposeBinance();
            await disposeOkx();
        }
    }
}
