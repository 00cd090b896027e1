using LiqBot.Alerts;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using LiqBot.Market;
using LiqBot.Storage;
using LiqBot.Tests.Storage;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.Market;

/// <summary>
/// The tracker over a live Bybit source on the fake Bybit (real sockets, real REST history) and a real SQLite
/// store, its own clock a <see cref="FakeTimeProvider"/>: one warm-up for concurrent requests, idle release,
/// the cap with the least recently used symbol released first, and subscriptions keeping symbols tracked.
/// </summary>
public sealed class SymbolTrackerTests : IAsyncLifetime
{
    private static readonly ChatAddress Chat = new(ChatPlatforms.Telegram, "-100777");
    private readonly TempDirectory _folder = new();
    private readonly FakeTimeProvider _clock = new(TimeProvider.System.GetUtcNow());
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http = new();
    private OnDemandVenues _venues = null!;
    private StoreInstance _store = null!;
    private MarketRegistry _markets = null!;
    private SymbolTracker _tracker = null!;
    private Task _pump = Task.CompletedTask;

    public async Task InitializeAsync()
    {
        _venues = await OnDemandVenues.StartAsync();
        var options = new BybitOptions { RestUrl = _venues.Bybit.RestUrl.ToString(), StreamUrl = _venues.Bybit.StreamUrl.ToString(), WarmStart = TimeSpan.FromHours(6), ReconnectBaseDelay = TimeSpan.FromMilliseconds(50), ReconnectMaxDelay = TimeSpan.FromMilliseconds(200) };
        var source = new BybitMarketSource(["BTCUSDT"], options, new BybitRestClient(_http, options, TimeProvider.System, NullLogger<BybitRestClient>.Instance), TimeProvider.System, NullLogger<BybitMarketSource>.Instance);
        var supervised = new SupervisedMarketSource(source, new MarketRecordFilter(TimeProvider.System, NullLogger<MarketRecordFilter>.Instance), TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), TimeProvider.System, NullLogger<SupervisedMarketSource>.Instance);
        var feeds = new VenueFeeds([new VenueFeed(Venue.Bybit, supervised, source)]);
        var listed = new ListedSymbols();
        listed.Set(Venue.Bybit, await source.ListPerpetualsAsync(CancellationToken.None));
        _store = new StoreInstance(new SqliteStorageDatabase(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = _folder.File("liqbot.db") }, TimeProvider.System, NullLogger<SqliteStorageDatabase>.Instance));
        _markets = new MarketRegistry(new SymbolCatalog(["BTCUSDT"], listed), new ModelOptions(), feeds.Venues);
        var market = new MarketOptions { MaxSymbols = 3, SymbolIdleTime = TimeSpan.FromHours(1) };
        _tracker = new SymbolTracker(_markets, listed, feeds, _store.Subscriptions, new SubscriptionChanges(), market, new MarketSourceLabel("live"), _clock, NullLogger<SymbolTracker>.Instance);
        _pump = Task.Run(() => PumpAsync(feeds, _stop.Token));
        await Eventually.UntilAsync(() => source.LastWarmUp is not null, "the configured BTCUSDT's warm start (it times the first estimate)");
    }

    [Fact]
    public void InstrumentList_IsEveryTradingUsdtPerpetual_AcrossCursorPages()
    {
        Assert.True(_markets.Catalog.TryResolve("doge", out var doge, out _));
        Assert.Equal("DOGEUSDT", doge);
        Assert.False(_markets.Catalog.TryResolve("new", out _, out var preLaunch)); // listed, but not trading yet
        Assert.StartsWith("Unknown symbol 'new'", preLaunch, StringComparison.Ordinal);
        Assert.False(_markets.Catalog.TryResolve("BTC-26JUN26", out _, out _)); // a dated future
    }

    [Fact]
    public async Task ConcurrentRequests_ForANewSymbol_WarmItUpOnce()
    {
        var notices = new List<string>();
        Task Progress(string line, CancellationToken _)
        {
            lock (notices)
            {
                notices.Add(line);
            }

            return Task.CompletedTask;
        }

        var opens = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => _tracker.OpenAsync("sol", Progress, CancellationToken.None)));

        var market = opens[0].Market!;
        Assert.All(opens, o => Assert.Same(market, o.Market));
        Assert.True(market.BookOf(Venue.Bybit).BarCount > 0);
        await Eventually.UntilAsync(() => _venues.BybitSubscribesOf("SOLUSDT") > 0, "Bybit subscribing SOLUSDT (after its history)");
        Assert.Equal(1, _venues.BybitSubscribesOf("SOLUSDT"));
        Assert.NotEmpty(notices);
        Assert.All(notices, n => Assert.StartsWith("Warming up SOLUSDT on Bybit from 6 hours of history, about ", n, StringComparison.Ordinal));
    }

    [Fact]
    public async Task IdleSymbol_IsReleased_AfterTheIdleTime_UnlessSubscribed()
    {
        await OpenAsync("sol");
        await OpenAsync("xrp");
        await _store.Subscriptions.SubscribeAsync(Chat, "XRPUSDT", AlertKinds.All, CancellationToken.None);

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Empty(await _tracker.ReleaseIdleAsync(CancellationToken.None));
        _clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(["SOLUSDT"], await _tracker.ReleaseIdleAsync(CancellationToken.None));

        Assert.Null(_markets.Find("SOLUSDT"));
        Assert.NotNull(_markets.Find("XRPUSDT"));
        Assert.NotNull(_markets.Find("BTCUSDT")); // configured: never released
        await Eventually.UntilAsync(() => _venues.Bybit.Subscriptions.LastOrDefault() is { } last && !last.Contains("SOLUSDT", StringComparison.Ordinal) && last.Contains("XRPUSDT", StringComparison.Ordinal), "a connection without SOLUSDT");
    }

    [Fact]
    public async Task AtTheCap_TheLeastRecentlyUsedUnsubscribedSymbolMakesRoom_ElseTheRequestIsRefused()
    {
        await OpenAsync("sol");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await OpenAsync("xrp");
        _clock.Advance(TimeSpan.FromMinutes(1));
        await OpenAsync("sol"); // used again: XRP is now the least recently used

        await OpenAsync("doge");

        Assert.Null(_markets.Find("XRPUSDT"));
        Assert.NotNull(_markets.Find("SOLUSDT"));
        Assert.Equal(["DOGEUSDT", "SOLUSDT"], _tracker.OnDemand);

        await _store.Subscriptions.SubscribeAsync(Chat, "SOLUSDT", AlertKinds.All, CancellationToken.None);
        await _store.Subscriptions.SubscribeAsync(Chat, "DOGEUSDT", AlertKinds.All, CancellationToken.None);
        var refused = await _tracker.OpenAsync("xrp", null, CancellationToken.None);

        Assert.Null(refused.Market);
        Assert.Equal("Tracking 3 symbols, the most allowed; try again later or ask an admin.", refused.Error);
        Assert.Null(_markets.Find("XRPUSDT"));
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        await _pump;
        await _venues.DisposeAsync();
        _http.Dispose();
        _stop.Dispose();
        _folder.Dispose();
    }

    private async Task OpenAsync(string name)
    {
        var open = await _tracker.OpenAsync(name, null, CancellationToken.None);
        Assert.True(open.Market is not null, open.Error);
    }

    /// <summary>What the market worker does, without alerts: each venue's events into that venue's book.</summary>
    private async Task PumpAsync(VenueFeeds feeds, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var (venue, e) in feeds.StreamAsync(cancellationToken))
            {
                if (_markets.Find(e.Symbol) is { } market)
                {
                    lock (market.Gate)
                    {
                        market.Apply(venue, e);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }
}
