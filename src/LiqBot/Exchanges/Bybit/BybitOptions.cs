namespace LiqBot.Exchanges.Bybit;

/// <summary>The "Bybit" configuration section. Every URL is configurable so tests point at the fake.</summary>
public sealed class BybitOptions
{
    public const string Section = "Bybit";

    public string RestUrl { get; set; } = "https://api.bybit.com";

    public string StreamUrl { get; set; } = "wss://stream.bybit.com/v5/public/linear";

    /// <summary>How much 5-minute history to load on start.</summary>
    public TimeSpan WarmStart { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Application-level {"op":"ping"} period; Bybit recommends 20 s.</summary>
    public TimeSpan PingInterval { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a pong or a subscribe ack may take before the socket is considered dead.</summary>
    public TimeSpan PongTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Reconnect backoff: the first retry waits at most this long, then it doubles (with jitter).</summary>
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int RestMaxRetries { get; set; } = 6;

    /// <summary>HTTP 403 from Bybit is an IP ban: stop every request this long (Bybit says at least 10 minutes).</summary>
    public TimeSpan BanPause { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Client-side cap under Bybit's 600 requests per 5 s per IP.</summary>
    public int RequestsPerWindow { get; set; } = 500;

    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public int EventChannelCapacity { get; set; } = 100_000;

    /// <summary>Live events are held this long to put the interleaved streams back in time order.</summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromSeconds(1);
}
