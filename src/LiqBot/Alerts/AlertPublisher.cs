using LiqBot.Engine.Alerts;
using LiqBot.Operations;
using LiqBot.Storage;

namespace LiqBot.Alerts;

/// <summary>Puts each alert into the outbox once per subscribed chat, keyed so no chat gets it twice; its image is stored once beforehand.</summary>
internal sealed partial class AlertPublisher(IOutbox outbox, OutboxSignal signal, AlertAudience audience, BotMetrics metrics, ILogger<AlertPublisher> logger, AlertImageRecorder? images = null)
{
    public async Task PublishAsync(IReadOnlyList<Alert> alerts, CancellationToken cancellationToken)
    {
        var queued = 0;
        foreach (var alert in alerts)
        {
            if (images is not null && alert.SubscriberIds.Count > 0)
            {
                await images.RecordAsync(alert, cancellationToken);
            }

            foreach (var id in alert.SubscriberIds)
            {
                if (audience.ChatOf(id) is { } chat && await outbox.EnqueueAsync(new OutboxEnvelope(alert.DedupeKey, chat, OutboxMessageKind.Alert, alert.Text), cancellationToken))
                {
                    queued++;
                    metrics.AlertQueued();
                }
            }

            LogAlert(alert.Kind, alert.Symbol, alert.SubscriberIds.Count, alert.DedupeKey);
        }

        if (queued > 0)
        {
            signal.Notify();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert on {Symbol} for {Chats} chat(s): {Key}")]
    private partial void LogAlert(AlertKinds kind, string symbol, int chats, string key);
}
