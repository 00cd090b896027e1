using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>
/// The keys of /config, their ranges and their defaults, in one place. Defaults are for BTC-sized markets.
/// </summary>
internal static class ChatSettingKeys
{
    public const string ProximityPct = "proximity_pct";
    public const string MinZoneUsd = "min_zone_usd";
    public const string Cooldown = "cooldown";
    public const string CascadeUsd = "cascade_usd";
    public const string CascadeWindow = "cascade_window";
    public const string Window = "window";
    public const string Summary = "summary";

    public static IReadOnlyList<string> All { get; } =
        [ProximityPct, MinZoneUsd, Cooldown, CascadeUsd, CascadeWindow, Window, Summary];

    /// <summary>Percent of price; 0.5 means an alert when price is within 0.5 % of a zone.</summary>
    public static SettingRange<double> ProximityPctRange { get; } = new(0.05, 10.0, AlertThresholds.Default.ProximityPct);

    public static SettingRange<double> MinZoneUsdRange { get; } = new(100_000, 100_000_000_000, AlertThresholds.Default.MinZoneUsd);

    public static SettingRange<TimeSpan> CooldownRange { get; } =
        new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), AlertThresholds.Default.Cooldown);

    /// <summary>
    /// Default: the 99th percentile of realized BTC liquidations per half hour, Feb-May 2026 ($16.3M over
    /// 4,320 bars, shared/data, CoinGlass across three exchanges); a feed of one exchange may want less.
    /// </summary>
    public static SettingRange<double> CascadeUsdRange { get; } = new(100_000, 10_000_000_000, AlertThresholds.Default.CascadeUsd);

    public static SettingRange<TimeSpan> CascadeWindowRange { get; } =
        new(TimeSpan.FromMinutes(1), TimeSpan.FromHours(24), AlertThresholds.Default.CascadeWindow);

    /// <summary>Summaries more often than this would be spam; applies to intervals and cron alike.</summary>
    public static SettingRange<TimeSpan> SummaryIntervalRange { get; } =
        new(TimeSpan.FromMinutes(15), TimeSpan.FromDays(7), TimeSpan.FromHours(4));

    public static IReadOnlyList<TimeWindow> Windows => TimeWindow.All;
}
