using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using LiqBot.Exchanges.Replay;
using LiqBot.Market;
using Microsoft.Extensions.Configuration;

namespace LiqBot.Hosting;

/// <summary>
/// Picks the market sources: --replay FILE, or Market:Source (live: every venue of Market:Venues side by
/// side, each supervised on its own; bybit: Bybit alone; replay; or auto: live when any venue's REST API
/// answers within Market:ProbeTimeout, else the replay file, so the bot works offline).
/// </summary>
internal static class MarketSourceChoice
{
    public static void Add(IServiceCollection services, IConfiguration configuration, MarketOptions market, string? replayFile, string? speed, string contentRoot)
    {
        var venues = Venues(market);
        var source = replayFile is not null ? "replay" : market.Source.Trim().ToLowerInvariant();
        string? notice = null;
        if (source == "bybit")
        {
            source = "live";
            venues = [Venue.Bybit];
        }

        if (source == "auto")
        {
            source = VenueProbe.AnyAnswers(configuration, venues, market.ProbeTimeout) ? "live" : "replay";
            notice = source == "replay"
                ? $"{string.Join(", ", venues.Select(v => v.Name))} did not answer within {market.ProbeTimeout.TotalSeconds:0} s, so the map replays {market.ReplayFile} instead of live data (Market:Source live insists on live data)."
                : null;
        }

        switch (source)
        {
            case "live":
                AddLive(services, configuration, market, venues);
                services.AddSingleton(new MarketSourceLabel("live"));
                services.AddSingleton(new FeedReplay(false));
                break;
            case "replay":
                var path = Resolve(replayFile ?? market.ReplayFile, contentRoot);
                var factor = RecordingFile.ParseSpeed(speed ?? market.ReplaySpeed);
                var symbol = market.ReplaySymbol.ToUpperInvariant();

                // Read through now: a file that cannot be read stops `run` with one line, before anything starts.
                MarketDataFile.Validate(path, symbol);
                services.AddSingleton(sp => new VenueFeeds(MarketDataFile.OpenReplay(path, symbol, factor, sp.GetRequiredService<TimeProvider>()).Select(r => new VenueFeed(r.Venue, Supervised(sp, r.Source, market))).ToList()));
                services.AddSingleton(new MarketSourceLabel("replay: " + Path.GetFileName(path), notice));
                services.AddSingleton(new FeedReplay(factor is null));
                break;
            default:
                throw new InvalidOperationException($"Market:Source '{market.Source}' is not one of auto, live, bybit, replay.");
        }
    }

    /// <summary>The venues' live feeds as <see cref="VenueFeeds"/>, each supervised and filtered (the bot and <c>record</c> both read them).</summary>
    public static void AddLive(IServiceCollection services, IConfiguration configuration, MarketOptions market, IReadOnlyList<Venue> venues)
    {
        foreach (var venue in venues)
        {
            AddVenue(services, configuration, venue, market.Symbols);
        }

        services.AddSingleton(sp => new VenueFeeds(venues.Select(v => new VenueFeed(v, Supervised(sp, Live(sp, v), market), Live(sp, v) as IOnDemandSymbols)).ToList()));
    }

    /// <summary>Market:Venues, or all three when unset; an unknown name stops the host with the key named.</summary>
    public static List<Venue> Venues(MarketOptions market)
    {
        var venues = new List<Venue>();
        foreach (var name in market.Venues.Count == 0 ? Venue.Live.Select(v => v.Key) : market.Venues)
        {
            if (!Venue.TryParse(name, out var venue))
            {
                throw new InvalidOperationException($"Market:Venues: '{name}' is not one of {string.Join(", ", Venue.Live.Select(v => v.Key))}.");
            }

            if (!venues.Contains(venue))
            {
                venues.Add(venue);
            }
        }

        return venues;
    }

    private static void AddVenue(IServiceCollection services, IConfiguration configuration, Venue venue, List<string> symbols)
    {
        if (venue == Venue.Bybit)
        {
            services.AddBybitMarketSource(configuration, symbols);
        }
        else if (venue == Venue.Binance)
        {
            services.AddBinanceMarketSource(configuration, symbols);
        }
        else
        {
            services.AddOkxMarketSource(configuration, symbols);
        }
    }

    private static IMarketSource Live(IServiceProvider services, Venue venue) =>
        venue == Venue.Bybit ? services.GetRequiredService<BybitMarketSource>()
        : venue == Venue.Binance ? services.GetRequiredService<BinanceMarketSource>()
        : services.GetRequiredService<OkxMarketSource>();

    private static SupervisedMarketSource Supervised(IServiceProvider services, IMarketSource inner, MarketOptions market)
    {
        var time = services.GetRequiredService<TimeProvider>();
        var loggers = services.GetRequiredService<ILoggerFactory>();
        return new SupervisedMarketSource(
            inner,
            new MarketRecordFilter(time, loggers.CreateLogger<MarketRecordFilter>()),
            market.FeedRestartBaseDelay,
            market.FeedRestartMaxDelay,
            time,
            loggers.CreateLogger<SupervisedMarketSource>(),
            services.GetRequiredService<Random>());
    }

    /// <summary>A data file given relative to the working folder, else to the install folder (samples/ ships with the app).</summary>
    private static string Resolve(string path, string contentRoot)
    {
        if (Path.IsPathRooted(path) || File.Exists(path))
        {
            return Path.GetFullPath(path);
        }

        var besideApp = Path.Combine(contentRoot, path);
        return File.Exists(besideApp) ? besideApp : Path.Combine(AppContext.BaseDirectory, path);
    }
}

/// <summary>Whether the source is a replay at full speed, after which the console answers.</summary>
internal sealed record FeedReplay(bool AtMaxSpeed);
