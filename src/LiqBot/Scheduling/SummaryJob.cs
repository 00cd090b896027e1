using System.Globalization;
using LiqBot.Alerts;
using LiqBot.Market;
using LiqBot.Storage;
using Quartz;

namespace LiqBot.Scheduling;

/// <summary>
/// Posts one chat's summary for each symbol it follows (the first symbol if none) through the
/// outbox. The dedupe key is the scheduled fire time, so instances sharing a store post it once, and
/// a firing Quartz recovers after its node died (same scheduled time) is posted once too.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class SummaryJob(
    ISubscriptionStore store,
    IOutbox outbox,
    OutboxSignal signal,
    ISummaryLog log,
    MarketRegistry markets,
    SummaryComposer composer,
    ILogger<SummaryJob> logger) : IJob
{
    public const string PlatformKey = "platform";
    public const string ChatIdKey = "chatId";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var chat = new ChatAddress(data.GetString(PlatformKey)!, data.GetString(ChatIdKey)!);
        var scheduledAt = ScheduledAt(context);
        if (context.Recovering)
        {
            LogRecovering(chat, scheduledAt);
        }

        LogFired(chat, scheduledAt);
        await PostAsync(chat, scheduledAt, cancellationToken);
    }

    /// <summary>
    /// The firing's scheduled time, which the outbox key is made of. A recovered firing runs on a recovery
    /// trigger whose own scheduled time is when it was recovered; the original is in its data map, and only
    /// with it is the summary the dead node may already have queued recognised as the same.
    /// </summary>
    private static DateTimeOffset ScheduledAt(IJobExecutionContext context)
    {
        var scheduled = context.ScheduledFireTimeUtc ?? context.FireTimeUtc;
        return context.Recovering
            && context.MergedJobDataMap.GetString(SchedulerConstants.FailedJobOriginalTriggerScheduledFireTime) is { } original
            && DateTimeOffset.TryParse(original, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var originalAt)
                ? originalAt
                : scheduled;
    }

    internal async Task PostAsync(ChatAddress chat, DateTimeOffset scheduledAt, CancellationToken cancellationToken)
    {
        var settings = await store.GetSettingsAsync(chat, cancellationToken);
        var symbols = (await store.ListSubscriptionsAsync(chat, cancellationToken)).Where(s => !s.IsPaused).Select(s => s.Symbol).ToList();
        if (symbols.Count == 0)
        {
            symbols.Add(markets.Catalog.Symbols[0]);
        }

        foreach (var market in symbols.Select(markets.Find).OfType<SymbolMarket>())
        {
            var (text, image, record) = await composer.ComposeAsync(chat, market, settings.Window, scheduledAt, cancellationToken);
            var key = $"summary:{market.Symbol}:{scheduledAt.ToUnixTimeSeconds()}";
            if (await outbox.EnqueueAsync(new OutboxEnvelope(key, chat, OutboxMessageKind.Summary, text, image.Png), cancellationToken))
            {
                await log.RecordAsync(record, cancellationToken);
                LogPosted(chat, market.Symbol);
            }
        }

        signal.Notify();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary job for {Chat} fired at {FireTime:O}")]
    private partial void LogFired(ChatAddress chat, DateTimeOffset fireTime);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Summary job for {Chat} recovered: the instance running its firing of {FireTime:O} died; running it again")]
    private partial void LogRecovering(ChatAddress chat, DateTimeOffset fireTime);

    [LoggerMessage(Level = LogLevel.Information, Message = "Summary of {Symbol} queued for {Chat}")]
    private partial void LogPosted(ChatAddress chat, string symbol);
}
