using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Workers;

/// <summary>Copies the feed's status to every symbol, so replies can say "market data unavailable since ..." when data stops.</summary>
internal sealed partial class FeedStatusWorker(IMarketSource source, MarketRegistry markets, MarketSourceLabel label, TimeProvider time, ILogger<FeedStatusWorker> logger) : BackgroundService
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
            var status = source.Status;
            foreach (var market in markets.All)
            {
                lock (market.Gate)
                {
                    market.Unavailable = status.State is FeedState.Live or FeedState.Ended ? null : status.Describe();
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
