using LiqBot.Engine.Alerts;
using LiqBot.Storage;

namespace LiqBot.Alerts;

/// <summary>A chat's settings as the alert rules see them.</summary>
internal static class ChatSettingsThresholds
{
    public static AlertThresholds ToThresholds(this ChatSettings settings) =>
        new(settings.ProximityPct, settings.MinZoneUsd, settings.Cooldown, settings.CascadeUsd, settings.CascadeWindow, settings.Window);
}
