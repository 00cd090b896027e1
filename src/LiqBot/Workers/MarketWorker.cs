using System.Diagnostics.CodeAnalysis;
using LiqBot.Alerts;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Operations;

namespace LiqBot.Workers;

/// <summary>
/// Feeds every venue's market events into that venue's book of the symbol, through the symbol's alert
/// rules (which watch all venues' books as one), and publishes the alerts they raise. Venue outages reach
/// the books before the events that followed them, so alerts spanning one can say so.
/// Reloads the alert subscribers whenever subscriptions or settings changed. Before the first event, the books
/// get back the realized liquidations kept in the store; each new one is handed to the store's writer.
/// </summary>
internal sealed partial class MarketWorker(
    VenueFeeds feeds,
    MarketRegistry markets,
    AlertAudience audience,
    AlertPublisher publisher,
    SubscriptionChanges changes,
    FeedCompletion completion,
    BotMetrics metrics,
    OutageSync outages,
    TimeProvider time,
    ILogger<MarketWorker> logger,
    RealizedRestore? restore = null,
    RealizedWriterWorker? realized = null) : BackgroundService
{
    private readonly EventFailureLog _failures = new(logger, time);
    private long _loadedVersion = -1;

    /// <summary>
    /// Each venue is supervised (it restarts itself and filters garbage), so this loop ends only with
    /// replays or the host. One event the engine still refuses is skipped, never fatal, and logged without
    /// flooding (<see cref="EventFailureLog"/>).
    /// </summary>
    [SuppressMessage("Performance", "CA1873:Avoid potentially expensive logging", Justification = "The venues' statuses are joined once, when the feed ends.")]
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (restore is not null)
            {
                // The rules need their subscribers to replay the stored liquidations as they came.
                _loadedVersion = changes.Version;
                await audience.ReloadAsync(markets, stoppingToken);
                await restore.RestoreAsync(stoppingToken);
            }

            await foreach (var (venue, marketEvent) in feeds.StreamAsync(stoppingToken))
            {
                try
                {
                    await HandleAsync(venue, marketEvent, stoppingToken);
                    _failures.Flush();
                }
                catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                {
                    _failures.Failed(venue.Name, marketEvent, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _failures.FlushAll();
            return;
        }

        _failures.FlushAll();

        if (!stoppingToken.IsCancellationRequested)
        {
            LogFeedEnded(string.Join("; ", feeds.All.Select(f => f.Source.Status.Describe())));
            completion.MarkIngested();
        }
    }

    internal async Task HandleAsync(Venue venue, MarketEvent marketEvent, CancellationToken cancellationToken)
    {
        if (changes.Version != _loadedVersion)
        {
            _loadedVersion = changes.Version;
            await audience.ReloadAsync(markets, cancellationToken);
        }

        metrics.MarketEvent(marketEvent.Time);
        outages.SyncIfChanged();
        if (markets.Find(marketEvent.Symbol) is not { } market)
        {
            return;
        }

        IReadOnlyList<Alert> alerts;
        lock (market.Gate)
        {
            // Data arrived: a note about a venue that was down is refreshed now, not at the next status tick.
            if (market.Unavailable is not null)
            {
                market.Unavailable = VenueStatusText.Describe(feeds);
            }

            alerts = market.Apply(venue, marketEvent);
        }

        if (marketEvent is LiquidationReported reported && market.Venues.Contains(venue))
        {
            realized?.Record(venue, reported.Symbol, reported.Liquidation);
        }

        if (alerts.Count > 0)
        {
            await publisher.PublishAsync(alerts, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Market feed finished: {Status}")]
    private partial void LogFeedEnded(string status);

}
