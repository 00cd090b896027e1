using System.ComponentModel.DataAnnotations;
using LiqBot.Hosting;

namespace LiqBot.Exchanges;

/// <summary>
/// What every venue section (Binance, Okx) configures besides its URLs. Ranges by annotation (each failure
/// names the section's key), cross-key checks in <see cref="Validate"/> and the venue's own <see cref="Check"/>.
/// </summary>
public abstract class VenueOptions : IValidatableObject
{
    /// <summary>How much 5-minute history to load on start (the venue may keep less open-interest history).</summary>
    [SectionRange(typeof(TimeSpan), "00:00:00.001", "30.00:00:00")]
    public TimeSpan WarmStart { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After this long without a frame the socket is pinged (or, without pings, judged dead after <see cref="ReplyTimeout"/> more).</summary>
    [SectionRange(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(20);

    [SectionRange(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    [SectionRange(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [SectionRange(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    [SectionRange(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    [SectionRange(0, 20)]
    public int RestMaxRetries { get; set; } = 6;

    /// <summary>How long every request stops after the venue said "too many requests" without saying how long.</summary>
    [SectionRange(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan BanPause { get; set; } = TimeSpan.FromMinutes(2);

    [SectionRange(1, 10_000)]
    public int RequestsPerWindow { get; set; } = 20;

    [SectionRange(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromSeconds(2);

    [SectionRange(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    [SectionRange(1, 10_000_000)]
    public int EventChannelCapacity { get; set; } = 100_000;

    /// <summary>Live events are held this long to put the venue's interleaved streams back in time order.</summary>
    [SectionRange(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The configuration section, for the keys the checks name.</summary>
    internal abstract string SectionName { get; }

    internal VenueHttpSettings Http(params int[] pauseStatuses) =>
        new(RequestsPerWindow, RequestWindow, RequestTimeout, RestRetryDelay, RestMaxRetries, BanPause, pauseStatuses.ToHashSet());

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ReconnectBaseDelay > ReconnectMaxDelay)
        {
            yield return new ValidationResult($"{SectionName}:ReconnectBaseDelay must not exceed {SectionName}:ReconnectMaxDelay.", [nameof(ReconnectBaseDelay)]);
        }

        foreach (var problem in Check())
        {
            yield return problem;
        }
    }

    /// <summary>The venue's own checks (URLs, its limits), each naming its key.</summary>
    protected abstract IEnumerable<ValidationResult> Check();

    /// <summary>A failure unless <paramref name="value"/> is an absolute URL of one of <paramref name="schemes"/>.</summary>
    protected ValidationResult? Url(string member, string value, params string[] schemes) =>
        SettingUrl.IsOf(value, schemes) ? null
            : new ValidationResult($"{SectionName}:{member} must be an absolute {string.Join(" or ", schemes)} URL.", [member]);
}
