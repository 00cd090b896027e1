using System.ComponentModel.DataAnnotations;
using LiqBot.Hosting;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// The "Bybit" configuration section. Every URL is configurable so tests point at the fake.
/// Checked by <see cref="BybitOptionsValidator"/>: ranges by annotation, the rest in <see cref="Validate"/>.
/// </summary>
public sealed class BybitOptions : IValidatableObject
{
    public const string Section = "Bybit";

    public string RestUrl { get; set; } = "https://api.bybit.com";

    public string StreamUrl { get; set; } = "wss://stream.bybit.com/v5/public/linear";

    /// <summary>How much 5-minute history to load on start.</summary>
    [SettingRange("Bybit:WarmStart", typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan WarmStart { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Application-level {"op":"ping"} period; Bybit recommends 20 s.</summary>
    [SettingRange("Bybit:PingInterval", typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a pong or a subscribe ack may take before the socket is considered dead.</summary>
    [SettingRange("Bybit:PongTimeout", typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect backoff: the first retry waits at most this long, then it doubles (with jitter).</summary>
    [SettingRange("Bybit:ReconnectBaseDelay", typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [SettingRange("Bybit:ReconnectMaxDelay", typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    [SettingRange("Bybit:RestRetryDelay", typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [SettingRange("Bybit:RestMaxRetries", 0, 100)]
    public int RestMaxRetries { get; set; } = 6;

    /// <summary>HTTP 403 from Bybit is an IP ban: stop every request this long (Bybit says at least 10 minutes).</summary>
    [SettingRange("Bybit:BanPause", typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BanPause { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Client-side cap under Bybit's 600 requests per 5 s per IP.</summary>
    [SettingRange("Bybit:RequestsPerWindow", 1, 600)]
    public int RequestsPerWindow { get; set; } = 500;

    [SettingRange("Bybit:RequestWindow", typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromSeconds(5);

    [SettingRange("Bybit:RequestTimeout", typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [SettingRange("Bybit:EventChannelCapacity", 1, 10_000_000)]
    public int EventChannelCapacity { get; set; } = 100_000;

    /// <summary>Live events are held this long to put the interleaved streams back in time order.</summary>
    [SettingRange("Bybit:ReorderWindow", typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromSeconds(1);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!SettingUrl.IsOf(RestUrl, "http", "https"))
        {
            yield return new ValidationResult("Bybit:RestUrl must be an absolute http or https URL.", [nameof(RestUrl)]);
        }

        if (!SettingUrl.IsOf(StreamUrl, "ws", "wss"))
        {
            yield return new ValidationResult("Bybit:StreamUrl must be an absolute ws or wss URL.", [nameof(StreamUrl)]);
        }

        if (PongTimeout >= PingInterval)
        {
            yield return new ValidationResult("Bybit:PongTimeout must be shorter than Bybit:PingInterval.", [nameof(PongTimeout)]);
        }

        if (ReconnectBaseDelay > ReconnectMaxDelay)
        {
            yield return new ValidationResult("Bybit:ReconnectBaseDelay must not exceed Bybit:ReconnectMaxDelay.", [nameof(ReconnectBaseDelay)]);
        }
    }
}
