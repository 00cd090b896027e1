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
    ILogger<MarketWorker> logger) : BackgroundService
{
    private long _loadedVersion = -1;

    /// <summary>
    /// The source is supervised (it restarts itself and filters garbage), so this loop ends only with a
    /// replay or the host. One event the engine still refuses is logged and skipped, never fatal.
    /// </summary>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var marketEvent in source.StreamAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(marketEvent, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    LogEventFailed(marketEvent.GetType().Name, marketEvent.Symbol, marketEvent.Time, e.Message);
                    LogEventFailureDetail(e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        if (!stoppingToken.IsCancellationRequested)
        {
            LogFeedEnded(source.Status.Describe());
            completion.MarkIngested();
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Market event skipped: {Record} {Symbol} at {Time:u} failed ({Reason})")]
    private partial void LogEventFailed(string record, string symbol, DateTimeOffset time, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Market event failure detail")]
    private partial void LogEventFailureDetail(Exception exception);
}
