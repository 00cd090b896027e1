using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Workers;

/// <summary>Copies the venues' status to every symbol, so replies can name a venue that is down ("OKX stale since 12:04 UTC").</summary>
internal sealed partial class FeedStatusWorker(VenueFeeds feeds, MarketRegistry markets, MarketSourceLabel label, TimeProvider time, ILogger<FeedStatusWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (label.Notice is { } notice)
        {
            LogNotice(notice);
        }

        foreach (var market in markets.All)
        {
            lock (market.Gate)
            {
                market.Source = label.Text;
            }
        }

        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            var unavailable = VenueStatusText.Describe(feeds);
            foreach (var market in markets.All)
            {
                lock (market.Gate)
                {
                    market.Unavailable = unavailable;
                }
            }
        }
        while (await Tick(timer, stoppingToken));
    }

    private static async Task<bool> Tick(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Notice}")]
    private partial void LogNotice(string notice);
}
