using LiqBot.Engine.Alerts;
using LiqBot.Storage;

namespace LiqBot.Alerts;

/// <summary>
/// Renders an alert's image once and stores it once under the alert's dedupe key, before the alert is
/// queued for its chats. A failed render or store is logged and the alert goes out as text alone.
/// Images older than <see cref="KeepFor"/> are purged, at most once an hour.
/// </summary>
internal sealed partial class AlertImageRecorder(AlertCharts charts, IAlertImageStore images, TimeProvider time, ILogger<AlertImageRecorder> logger)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromDays(7);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    public async Task RecordAsync(Alert alert, CancellationToken cancellationToken)
    {
        try
        {
            if (charts.Render(alert) is { } image)
            {
                await images.SaveAsync(alert.DedupeKey, image.Png, cancellationToken);
            }

            var now = time.GetUtcNow();
            if (now - _lastPurge > TimeSpan.FromHours(1))
            {
                _lastPurge = now;
                await images.PurgeAsync(KeepFor, cancellationToken);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogImageFailed(alert.DedupeKey, e.Message);
            LogImageFailureDetail(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Alert {Key}: no image ({Reason}); the text goes out alone")]
    private partial void LogImageFailed(string key, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Alert image failure detail")]
    private partial void LogImageFailureDetail(Exception exception);
}
