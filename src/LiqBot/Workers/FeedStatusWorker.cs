using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Workers;

/// <summary>
/// Copies the venues' status to every symbol, so replies can name a venue that is down ("OKX stale since
/// 12:04 UTC"), and their outages to the books, so a heatmap shows one going on while no data comes.
/// </summary>
internal sealed partial class FeedStatusWorker(VenueFeeds feeds, MarketRegistry markets, MarketSourceLabel label, OutageSync outages, TimeProvider time, ILogger<FeedStatusWorker> logger) : BackgroundService
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
            outages.SyncIfChanged();
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
