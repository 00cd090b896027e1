using System.Data.Common;
using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>
/// Maps <see cref="ChatSettings"/> to the chats table's columns. A value equal to its default is stored
/// as NULL, so a chat that never chose a value follows the default when a later release changes it.
/// </summary>
internal static class ChatSettingsRow
{
    public const string Columns = "proximity_pct, min_zone_usd, cooldown_s, cascade_usd, cascade_window_s, map_window, summary";

    public static DbCommand WithSettings(this DbCommand command, ChatSettings settings)
    {
        var defaults = ChatSettings.Default;
        return command
            .With("@proximity_pct", NullIfDefault(settings.ProximityPct, defaults.ProximityPct))
            .With("@min_zone_usd", NullIfDefault(settings.MinZoneUsd, defaults.MinZoneUsd))
            .With("@cooldown_s", NullIfDefault((long)settings.Cooldown.TotalSeconds, (long)defaults.Cooldown.TotalSeconds))
            .With("@cascade_usd", NullIfDefault(settings.CascadeUsd, defaults.CascadeUsd))
            .With("@cascade_window_s", NullIfDefault((long)settings.CascadeWindow.TotalSeconds, (long)defaults.CascadeWindow.TotalSeconds))
            .With("@map_window", settings.Window == defaults.Window ? null : settings.Window.Name)
            .With("@summary", settings.Summary?.Text);
    }

    /// <summary>Reads the <see cref="Columns"/> starting at <paramref name="first"/>.</summary>
    public static ChatSettings Read(DbDataReader reader, int first)
    {
        var defaults = ChatSettings.Default;
        return new ChatSettings(
            reader.GetNullableDouble(first) ?? defaults.ProximityPct,
            reader.GetNullableDouble(first + 1) ?? defaults.MinZoneUsd,
            reader.GetNullableInt64(first + 2) is { } cooldown ? TimeSpan.FromSeconds(cooldown) : defaults.Cooldown,
            reader.GetNullableDouble(first + 3) ?? defaults.CascadeUsd,
            reader.GetNullableInt64(first + 4) is { } window ? TimeSpan.FromSeconds(window) : defaults.CascadeWindow,
            TimeWindow.TryParse(reader.GetNullableString(first + 5), out var mapWindow) ? mapWindow : defaults.Window,
            SummaryScheduleText.FromStored(reader.GetNullableString(first + 6)));
    }

    private static object? NullIfDefault<T>(T value, T defaultValue)
        where T : struct, IEquatable<T> =>
        value.Equals(defaultValue) ? null : value;
}
