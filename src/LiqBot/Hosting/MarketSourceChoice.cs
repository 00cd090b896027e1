using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Replay;
using LiqBot.Market;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace LiqBot.Hosting;

/// <summary>
/// Picks the market source: --replay FILE, or Market:Source (bybit, replay, or auto: Bybit when its
/// REST API answers within Market:ProbeTimeout, else the replay file, so the bot works offline).
/// </summary>
internal static class MarketSourceChoice
{
    public static void Add(IServiceCollection services, IConfiguration configuration, MarketOptions market, string? replayFile, string? speed, string contentRoot)
    {
        var source = replayFile is not null ? "replay" : market.Source.Trim().ToLowerInvariant();
        string? notice = null;
        if (source == "auto")
        {
            source = BybitAnswers(configuration, market.ProbeTimeout) ? "bybit" : "replay";
            notice = source == "replay"
                ? $"Bybit did not answer within {market.ProbeTimeout.TotalSeconds:0} s, so the map replays {market.ReplayFile} instead of live data (Market:Source bybit insists on live data)."
                : null;
        }

        switch (source)
        {
            case "bybit":
                services.AddBybitMarketSource(configuration, market.Symbols);
                services.Replace(ServiceDescriptor.Singleton<IMarketSource>(sp => Supervised(sp, sp.GetRequiredService<BybitMarketSource>(), market)));
                services.AddSingleton(new MarketSourceLabel("Bybit live"));
                services.AddSingleton(new FeedReplay(false));
                break;
            case "replay":
                var path = Resolve(replayFile ?? market.ReplayFile, contentRoot);
                var factor = RecordingFile.ParseSpeed(speed ?? market.ReplaySpeed);
                var symbol = market.ReplaySymbol.ToUpperInvariant();

                // Read through now: a file that cannot be read stops `run` with one line, before anything starts.
                MarketDataFile.Validate(path, symbol);
                services.AddSingleton<IMarketSource>(sp => Supervised(sp, MarketDataFile.OpenReplay(path, symbol, factor, sp.GetRequiredService<TimeProvider>()), market));
                services.AddSingleton(new MarketSourceLabel("replay: " + Path.GetFileName(path), notice));
                services.AddSingleton(new FeedReplay(factor is null));
                break;
            default:
                throw new InvalidOperationException($"Market:Source '{market.Source}' is not one of auto, bybit, replay.");
        }
    }

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
            loggers.CreateLogger<SupervisedMarketSource>());
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

    private static bool BybitAnswers(IConfiguration configuration, TimeSpan timeout)
    {
        var restUrl = configuration["Bybit:RestUrl"] ?? new BybitOptions().RestUrl;
        try
        {
            using var http = new HttpClient { Timeout = timeout };
            using var response = http.GetAsync(new Uri(new Uri(restUrl), "/v5/market/time")).GetAwaiter().GetResult();
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            return false;
        }
    }
}

/// <summary>Whether the source is a replay at full speed, after which the console answers.</summary>
internal sealed record FeedReplay(bool AtMaxSpeed);
