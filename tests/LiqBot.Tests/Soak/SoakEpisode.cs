using System.Globalization;

namespace LiqBot.Tests.Soak;

/// <summary>
/// One cascade pushed through a venue, in data time: a closed bar opening at <see cref="BarOpen"/> (a
/// whole minute), a long liquidation of <see cref="BigUsd"/> a second after that bar closes, which alone
/// crosses every chat's 1-minute cascade threshold and fires once, and a small one 61 s later, when the
/// big one has left the window and the 1-minute cooldown has passed: it re-arms the rule without firing.
/// The next episode starts on the minute after; every event is later than every earlier one on any venue,
/// so the rule never sees time go back. The alert text names the minute of the big liquidation, which is
/// how a delivery is matched to its episode.
/// </summary>
internal sealed record SoakEpisode(int Number, DateTimeOffset BarOpen)
{
    public const double ThresholdUsd = 10_000_000;
    public const double BigUsd = 12_000_000;
    public const double CalmUsd = 200_000;

    public DateTimeOffset Big => BarOpen + TimeSpan.FromSeconds(61);

    public DateTimeOffset Calm => Big + TimeSpan.FromSeconds(61);

    /// <summary>The clock the alert text ends with.</summary>
    public string Marker => Big.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>The episode after this one, never earlier than <paramref name="notBefore"/> (rounded up to a minute).</summary>
    public SoakEpisode Next(DateTimeOffset notBefore) => new(Number + 1, Max(CeilingMinute(Calm + TimeSpan.FromSeconds(1)), CeilingMinute(notBefore)));

    public static SoakEpisode First(DateTimeOffset notBefore) => new(0, CeilingMinute(notBefore));

    public async Task PushAsync(SoakVenue venue)
    {
        if (venue.PushClosedBarAsync is { } pushBar)
        {
            await pushBar(BarOpen);
        }

        await venue.PushLiquidationAsync(Big, BigUsd);
        await venue.PushLiquidationAsync(Calm, CalmUsd);
    }

    private static DateTimeOffset CeilingMinute(DateTimeOffset time)
    {
        var minute = TimeSpan.TicksPerMinute;
        return new DateTimeOffset((time.UtcTicks + minute - 1) / minute * minute, TimeSpan.Zero);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
