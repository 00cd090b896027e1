namespace LiqBot.Exchanges;

/// <summary>What every venue section (Binance, Okx) configures besides its URLs.</summary>
public abstract class VenueOptions
{
    /// <summary>How much 5-minute history to load on start (the venue may keep less open-interest history).</summary>
    public TimeSpan WarmStart { get; set; } = TimeSpan.FromDays(7);

    /// <summary>After this long without a frame the socket is pinged (or, without pings, judged dead after <see cref="ReplyTimeout"/> more).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(20);

    public TimeSpan ReplyTimeout { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan ReconnectBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan ReconnectMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    public TimeSpan RestRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    public int RestMaxRetries { get; set; } = 6;

    /// <summary>How long every request stops after the venue said "too many requests" without saying how long.</summary>
    public TimeSpan BanPause { get; set; } = TimeSpan.FromMinutes(2);

    public int RequestsPerWindow { get; set; } = 20;

    public TimeSpan RequestWindow { get; set; } = TimeSpan.FromSeconds(2);

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(15);

    public int EventChannelCapacity { get; set; } = 100_000;

    /// <summary>Live events are held this long to put the venue's interleaved streams back in time order.</summary>
    public TimeSpan ReorderWindow { get; set; } = TimeSpan.FromSeconds(1);

    internal VenueHttpSettings Http(params int[] pauseStatuses) =>
        new(RequestsPerWindow, RequestWindow, RequestTimeout, RestRetryDelay, RestMaxRetries, BanPause, pauseStatuses.ToHashSet());

    /// <summary>Adds the problems of the shared settings, each naming its key under <paramref name="section"/>.</summary>
    internal void Check(string section, List<string> errors)
    {
        OptionChecks.Positive(errors, $"{section}:WarmStart", WarmStart);
        OptionChecks.Positive(errors, $"{section}:IdleTimeout", IdleTimeout);
        OptionChecks.Positive(errors, $"{section}:ReplyTimeout", ReplyTimeout);
        OptionChecks.Positive(errors, $"{section}:ReconnectBaseDelay", ReconnectBaseDelay);
        OptionChecks.Positive(errors, $"{section}:ReconnectMaxDelay", ReconnectMaxDelay);
        OptionChecks.Positive(errors, $"{section}:RestRetryDelay", RestRetryDelay);
        OptionChecks.Positive(errors, $"{section}:BanPause", BanPause);
        OptionChecks.Positive(errors, $"{section}:RequestWindow", RequestWindow);
        OptionChecks.Positive(errors, $"{section}:RequestTimeout", RequestTimeout);
        OptionChecks.Between(errors, $"{section}:RestMaxRetries", RestMaxRetries, 0, 20);
        OptionChecks.Between(errors, $"{section}:RequestsPerWindow", RequestsPerWindow, 1, 10_000);
        OptionChecks.Between(errors, $"{section}:EventChannelCapacity", EventChannelCapacity, 1, 10_000_000);
        if (ReconnectBaseDelay > ReconnectMaxDelay)
        {
            errors.Add($"{section}:ReconnectBaseDelay must not exceed {section}:ReconnectMaxDelay.");
        }

        if (ReorderWindow < TimeSpan.Zero || ReorderWindow > TimeSpan.FromSeconds(30))
        {
            errors.Add($"{section}:ReorderWindow must be between 0 and 30 seconds.");
        }
    }
}
