using LiqBot.Hosting;

namespace LiqBot.Alerts;

/// <summary>Section "Outbox": how dispatchers claim and retry.</summary>
internal sealed class OutboxOptions
{
    public const string Section = "Outbox";

    /// <summary>Messages claimed at once per platform.</summary>
    [SettingRange("Outbox:BatchSize", 1, 10_000)]
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How long a claim holds without renewal; a crashed sender's messages are claimable again after it.
    /// A live sender renews its claims every third of it, so a batch may take longer than this.
    /// </summary>
    [SettingRange("Outbox:Lease", typeof(TimeSpan), "00:00:03", "01:00:00")]
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle dispatcher looks for due messages (retries come due without a signal).</summary>
    [SettingRange("Outbox:IdlePoll", typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan IdlePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>On shutdown, how long to keep sending what is due before leaving it for the next start.</summary>
    [SettingRange("Outbox:DrainTimeout", typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>After this many claims a message is given up with its last error.</summary>
    [SettingRange("Outbox:MaxAttempts", 1, 1000)]
    public int MaxAttempts { get; set; } = 25;

    /// <summary>Identifies this instance's leases; a fresh id per process unless set.</summary>
    public string InstanceId { get; set; } = Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..8];
}
