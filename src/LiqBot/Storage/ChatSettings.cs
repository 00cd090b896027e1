using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>
/// A chat's alert thresholds and summary schedule, typed. Ranges and defaults live in
/// <see cref="ChatSettingKeys"/>; user input goes through <see cref="ChatSettingsParser"/>.
/// </summary>
internal sealed record ChatSettings(
    double ProximityPct,
    double MinZoneUsd,
    TimeSpan Cooldown,
    double CascadeUsd,
    TimeSpan CascadeWindow,
    TimeWindow Window,
    SummarySchedule? Summary)
{
    public static ChatSettings Default { get; } = new(
        ChatSettingKeys.ProximityPctRange.Default,
        ChatSettingKeys.MinZoneUsdRange.Default,
        ChatSettingKeys.CooldownRange.Default,
        ChatSettingKeys.CascadeUsdRange.Default,
        ChatSettingKeys.CascadeWindowRange.Default,
        TimeWindow.H24,
        Summary: null);
}
