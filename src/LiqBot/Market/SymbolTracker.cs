using System.Globalization;
using LiqBot.Alerts;
using LiqBot.Exchanges;
using LiqBot.Storage;

namespace LiqBot.Market;

/// <summary>
/// Keeps the symbols chats ask for. A listed perpetual not yet tracked is added on the venues listing it and
/// warmed up from their REST history while the asker is told how long that takes (the time the last warm-up
/// took, measured); requests for it meanwhile wait on the same warm-up. It stays while chats use it or
/// subscribe to it, and is released after <see cref="MarketOptions.SymbolIdleTime"/> without a command.
/// At most <see cref="MarketOptions.MaxSymbols"/> are tracked: a new one first releases the least recently
/// used one nobody subscribes to, else it is refused. Configured symbols are always tracked.
/// </summary>
internal sealed partial class SymbolTracker(
    MarketRegistry markets,
    ListedSymbols listed,
    VenueFeeds feeds,
    ISubscriptionStore store,
    SubscriptionChanges changes,
    MarketOptions options,
    MarketSourceLabel label,
    TimeProvider time,
    ILogger<SymbolTracker> logger,
    RealizedRestore? restore = null)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, DateTimeOffset> _lastUsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Task<SymbolMarket>> _warming = new(StringComparer.Ordinal);
    private TimeSpan? _lastWarmUp;

    /// <summary>The symbols tracked on demand (configured ones excluded), for status and tests.</summary>
    public IReadOnlyList<string> OnDemand
    {
        get
        {
            lock (_lock)
            {
                return _lastUsed.Keys.Order(StringComparer.Ordinal).ToList();
            }
        }
    }

    /// <summary>Resolves a name a chat gave and returns its market, warming it up first when it is new.</summary>
    public async Task<SymbolOpen> OpenAsync(string name, Func<string, CancellationToken, Task>? progress, CancellationToken cancellationToken) =>
        markets.Catalog.TryResolve(name, out var symbol, out var error)
            ? await OpenSymbolAsync(symbol, progress, cancellationToken)
            : new SymbolOpen(null, error);

    public async Task<SymbolOpen> OpenSymbolAsync(string symbol, Func<string, CancellationToken, Task>? progress, CancellationToken cancellationToken)
    {
        if (Ready(symbol) is { } ready)
        {
            return new SymbolOpen(ready, null);
        }

        var subscribed = await store.ListSubscribedSymbolsAsync(cancellationToken);
        Task<SymbolMarket> warming;
        string notice;
        lock (_lock)
        {
            if (!_warming.TryGetValue(symbol, out warming!))
            {
                if (markets.Find(symbol) is { } market)
                {
                    Touch(symbol);
                    return new SymbolOpen(market, null);
                }

                if (Start(symbol, subscribed) is { Error: { } refused })
                {
                    return new SymbolOpen(null, refused);
                }

                warming = _warming[symbol];
            }

            notice = WarmingNotice(symbol, markets.Find(symbol)?.Venues ?? []);
        }

        if (!warming.IsCompleted && progress is not null)
        {
            await progress(notice, cancellationToken);
        }

        var warmed = await warming.WaitAsync(cancellationToken);
        lock (_lock)
        {
            Touch(symbol);
        }

        return new SymbolOpen(warmed, null);
    }

    /// <summary>Releases every on-demand symbol unused for the idle time that no chat subscribes to; returns them.</summary>
    public async Task<IReadOnlyList<string>> ReleaseIdleAsync(CancellationToken cancellationToken)
    {
        var subscribed = await store.ListSubscribedSymbolsAsync(cancellationToken);
        var now = time.GetUtcNow();
        lock (_lock)
        {
            var idle = _lastUsed.Where(p => now - p.Value >= options.SymbolIdleTime && !_warming.ContainsKey(p.Key) && !subscribed.Contains(p.Key)).Select(p => p.Key).ToList();
            idle.ForEach(s => Release(s, "idle"));
            return idle;
        }
    }

    /// <summary>Tracks every subscribed symbol a venue lists that is not tracked yet (at start, after a restart, and at each instrument refresh).</summary>
    public async Task TrackSubscribedAsync(CancellationToken cancellationToken)
    {
        var subscribed = await store.ListSubscribedSymbolsAsync(cancellationToken);
        var opening = subscribed.Where(s => markets.Find(s) is null && listed.Contains(s)).Select(async s => (Symbol: s, Open: await OpenSymbolAsync(s, null, cancellationToken))).ToList();
        foreach (var (symbol, open) in await Task.WhenAll(opening))
        {
            if (open.Error is { } error)
            {
                LogSubscribedNotTracked(symbol, error);
            }
        }
    }

    private SymbolMarket? Ready(string symbol)
    {
        lock (_lock)
        {
            if (_warming.ContainsKey(symbol) || markets.Find(symbol) is not { } market)
            {
                return null;
            }

            Touch(symbol);
            return market;
        }
    }

    /// <summary>Under the lock: makes room if needed, adds the market and starts its warm-up; or says why not.</summary>
    private SymbolOpen Start(string symbol, IReadOnlySet<string> subscribed)
    {
        var venues = feeds.All.Where(f => f.OnDemand is not null && listed.VenuesListing(symbol).Contains(f.Venue)).ToList();
        if (venues.Count == 0)
        {
            return new SymbolOpen(null, $"{symbol} is not listed on {Venue.Join(feeds.Venues)}, the venues this bot reads.");
        }

        if (markets.Count >= options.MaxSymbols)
        {
            var victim = _lastUsed.Where(p => !_warming.ContainsKey(p.Key) && !subscribed.Contains(p.Key)).OrderBy(p => p.Value).Select(p => p.Key).FirstOrDefault();
            if (victim is null)
            {
                return new SymbolOpen(null, $"Tracking {options.MaxSymbols} symbols, the most allowed; try again later or ask an admin.");
            }

            Release(victim, "least recently used, to make room");
        }

        var market = markets.Add(symbol, venues.Select(v => v.Venue).ToList());
        market.Source = label.Text;
        _lastUsed[symbol] = time.GetUtcNow();
        _warming[symbol] = WarmAsync(market, venues);
        changes.Notify();
        var names = Venue.Join(market.Venues);
        LogTracking(symbol, names);
        return new SymbolOpen(market, null);
    }

    private async Task<SymbolMarket> WarmAsync(SymbolMarket market, List<VenueFeed> venues)
    {
        // Never completes inside Start, which still holds the lock and has yet to register this task.
        await Task.Yield();
        var started = time.GetTimestamp();
        try
        {
            if (restore is not null)
            {
                await restore.RestoreAsync(market, CancellationToken.None); // before its venues stream it
            }

            await Task.WhenAll(venues.Select(v => WarmAsync(market, v))).WaitAsync(options.WarmUpTimeout, time);
            var took = time.GetElapsedTime(started);
            lock (_lock)
            {
                _lastWarmUp = took;
            }

            LogWarmed(market.Symbol, took.TotalSeconds);
        }
        catch (TimeoutException)
        {
            LogWarmUpSlow(market.Symbol, options.WarmUpTimeout);
        }
        catch (OperationCanceledException)
        {
            // Released while warming (a venue dropped it): the reply shows what arrived.
        }
        finally
        {
            lock (_lock)
            {
                _warming.Remove(market.Symbol);
            }
        }

        return market;
    }

    private static async Task WarmAsync(SymbolMarket market, VenueFeed venue)
    {
        if (await venue.OnDemand!.TrackAsync(market.Symbol) is { } lastBarClose)
        {
            await market.BarAppliedAsync(venue.Venue, lastBarClose);
        }
    }

    private void Release(string symbol, string why)
    {
        markets.Remove(symbol);
        _lastUsed.Remove(symbol);
        foreach (var feed in feeds.All)
        {
            feed.OnDemand?.Untrack(symbol);
        }

        changes.Notify();
        LogReleased(symbol, why);
    }

    private void Touch(string symbol)
    {
        if (_lastUsed.ContainsKey(symbol))
        {
            _lastUsed[symbol] = time.GetUtcNow();
        }
    }

    /// <summary>"Warming up SOLUSDT on Binance+Bybit (not listed on OKX) from 7 days of history, about 12 s; the reply follows when ready."</summary>
    private string WarmingNotice(string symbol, IReadOnlyList<Venue> venues)
    {
        var feedsOf = feeds.All.Where(f => venues.Contains(f.Venue)).ToList();
        var missing = feeds.Venues.Where(v => !venues.Contains(v)).ToList();
        var history = feedsOf.Select(f => f.OnDemand!.WarmStart).DefaultIfEmpty(TimeSpan.Zero).Max();
        var estimate = _lastWarmUp ?? feedsOf.Select(f => f.OnDemand!.LastWarmUp).Max();
        var about = estimate is { } e ? string.Create(CultureInfo.InvariantCulture, $", about {Math.Max(1, Math.Ceiling(e.TotalSeconds)):0} s") : string.Empty;
        var notListed = missing.Count > 0 ? $" (not listed on {Venue.Join(missing)})" : string.Empty;
        return $"Warming up {symbol} on {Venue.Join(venues)}{notListed} from {Span(history)} of history{about}; the reply follows when ready.";
    }

    private static string Span(TimeSpan span) => span.TotalDays >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{span.TotalDays:0.#} day{(span.TotalDays == 1 ? string.Empty : "s")}")
        : string.Create(CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} hours");

    [LoggerMessage(Level = LogLevel.Information, Message = "Tracking {Symbol} on demand ({Venues})")]
    private partial void LogTracking(string symbol, string venues);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Symbol} warmed up in {Seconds:0.0} s")]
    private partial void LogWarmed(string symbol, double seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Symbol} still warming up after {Timeout}; answering with what arrived")]
    private partial void LogWarmUpSlow(string symbol, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Symbol} ({Why})")]
    private partial void LogReleased(string symbol, string why);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribed symbol {Symbol} is not tracked: {Error}")]
    private partial void LogSubscribedNotTracked(string symbol, string error);
}
