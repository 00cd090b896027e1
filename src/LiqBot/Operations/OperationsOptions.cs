using LiqBot.Hosting;

namespace LiqBot.Operations;

/// <summary>Section "Operations": where /healthz and /metrics listen (loopback only).</summary>
internal sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary>Port on 127.0.0.1; 0 turns the endpoints off.</summary>
    [SettingRange("Operations:Port", 0, 65535)]
    public int Port { get; set; }

    /// <summary>The feed counts as live while its newest event is at most this old (replays that ended count as live).</summary>
    [SettingRange("Operations:MaxFeedLag", typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan MaxFeedLag { get; set; } = TimeSpan.FromMinutes(3);
}
