using System.Text.Json;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Storage;
using Polly.Timeout;

namespace LiqBot.Workers;

/// <summary>
/// Reads every live venue's instrument list at start and each <see cref="MarketOptions.InstrumentRefresh"/>
/// (a venue that does not answer keeps its last list and is asked again next time), then tracks the
/// subscribed symbols not tracked yet, so subscriptions survive a restart.
/// </summary>
internal sealed partial class InstrumentListWorker(
    VenueFeeds feeds,
    ListedSymbols listed,
    SymbolTracker tracker,
    MarketOptions options,
    TimeProvider time,
    ILogger<InstrumentListWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (feeds.All.All(f => f.OnDemand is null))
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshAsync(stoppingToken);
                await Task.Delay(options.InstrumentRefresh, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await Task.WhenAll(feeds.All.Where(f => f.OnDemand is not null).Select(f => ReadAsync(f, cancellationToken)));
        try
        {
            await tracker.TrackSubscribedAsync(cancellationToken);
        }
        catch (Exception e) when (e is StorageException or System.Data.Common.DbException)
        {
            LogSubscribedFailed(e.Message);
        }
    }

    private async Task ReadAsync(VenueFeed feed, CancellationToken cancellationToken)
    {
        try
        {
            var symbols = await feed.OnDemand!.ListPerpetualsAsync(cancellationToken);
            listed.Set(feed.Venue, symbols);
            LogListed(feed.Venue.Name, symbols.Count);
        }
        catch (Exception e) when (e is HttpRequestException or VenueRestException or JsonException or KeyNotFoundException or InvalidOperationException or TimeoutRejectedException
            || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogListFailed(feed.Venue.Name, e.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue} lists {Count} USDT perpetuals")]
    private partial void LogListed(string venue, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue}'s instrument list could not be read ({Reason}); asked again at the next refresh")]
    private partial void LogListFailed(string venue, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscribed symbols could not be read ({Reason}); tracked at the next refresh")]
    private partial void LogSubscribedFailed(string reason);
}
