using LiqBot.Alerts;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Operations;

namespace LiqBot.Workers;

/// <summary>
/// Feeds market events into each symbol's book and alert rules and publishes the alerts they raise.
/// Reloads the alert subscribers whenever subscriptions or settings changed.
/// </summary>
internal sealed partial class MarketWorker(
    IMarketSource source,
    MarketRegistry markets,
    AlertAudience audience,
    AlertPublisher publisher,
    SubscriptionChanges changes,
    FeedCompletion completion,
    BotMetrics metrics,
    TimeProvider time,
    ILogger<MarketWorker> logger) : BackgroundService
{
    private long _loadedVersion = -1;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var marketEvent in source.StreamAsync(stoppingToken))
                {
                    await HandleAsync(marketEvent, stoppingToken);
                }

                LogFeedEnded(source.Status.Describe());
                completion.MarkIngested();
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogPassFailed(e);
                await Task.Delay(TimeSpan.FromSeconds(5), time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    internal async Task HandleAsync(MarketEvent marketEvent, CancellationToken cancellationToken)
    {
        if (changes.Version != _loadedVersion)
        {
            _loadedVersion = changes.Version;
            await audience.ReloadAsync(markets, cancellationToken);
        }

        metrics.MarketEvent(marketEvent.Time);
        if (markets.Find(marketEvent.Symbol) is not { } market)
        {
            return;
        }

        IReadOnlyList<Alert> alerts;
        lock (market.Gate)
        {
            market.Unavailable = null;
            alerts = marketEvent switch
            {
                BarClosed closed => market.Rules.OnBarClosed(closed.Bar),
                LiquidationReported reported => market.Rules.OnLiquidation(reported.Liquidation),
                PriceTicked tick => market.Rules.OnPrice(tick.Time, tick.Price),
                _ => [],
            };
        }

        if (alerts.Count > 0)
        {
            await publisher.PublishAsync(alerts, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Market feed finished: {Status}")]
    private partial void LogFeedEnded(string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "Market feed failed; restarting it")]
    private partial void LogPassFailed(Exception exception);
}
