using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>
/// What /config calls: applies "key value" to a chat's settings, or explains in one line why not
/// (unknown key, or the allowed range). Nothing is changed on error.
/// </summary>
internal static class ChatSettingsParser
{
    /// <summary>Longer input is refused before parsing; no valid setting needs more.</summary>
    public const int MaxInputLength = 100;

    private const string Usage = "Usage: /config <key> <value>, e.g. /config proximity_pct 0.8";

    public static bool TryApply(
        ChatSettings current,
        string? input,
        [NotNullWhen(true)] out ChatSettings? updated,
        [NotNullWhen(false)] out string? error)
    {
        var text = (input ?? string.Empty).Trim();
        var split = text.IndexOf(' ', StringComparison.Ordinal);
        if (split < 0)
        {
            updated = null;
            error = text.Length == 0 ? Usage : $"{Usage}. Keys: {string.Join(", ", ChatSettingKeys.All)}.";
            return false;
        }

        return TryApply(current, text[..split], text[(split + 1)..], out updated, out error);
    }

    public static bool TryApply(
        ChatSettings current,
        string key,
        string value,
        [NotNullWhen(true)] out ChatSettings? updated,
        [NotNullWhen(false)] out string? error)
    {
        updated = null;
        value = value.Trim();
        if (key.Length + value.Length > MaxInputLength)
        {
            error = $"That is too long; a setting fits in {MaxInputLength} characters.";
            return false;
        }

        switch (key.Trim().ToLowerInvariant())
        {
            case ChatSettingKeys.ProximityPct:
                return TryPercent(value, ChatSettingKeys.ProximityPctRange, out var pct, out error)
                    && Done(current with { ProximityPct = pct }, out updated);
            case ChatSettingKeys.MinZoneUsd:
                return TryUsd(ChatSettingKeys.MinZoneUsd, value, ChatSettingKeys.MinZoneUsdRange, out var minZone, out error)
                    && Done(current with { MinZoneUsd = minZone }, out updated);
            case ChatSettingKeys.Cooldown:
                return TryDuration(ChatSettingKeys.Cooldown, value, ChatSettingKeys.CooldownRange, out var cooldown, out error)
                    && Done(current with { Cooldown = cooldown }, out updated);
            case ChatSettingKeys.CascadeUsd:
                return TryUsd(ChatSettingKeys.CascadeUsd, value, ChatSettingKeys.CascadeUsdRange, out var cascade, out error)
                    && Done(current with { CascadeUsd = cascade }, out updated);
            case ChatSettingKeys.CascadeWindow:
                return TryDuration(ChatSettingKeys.CascadeWindow, value, ChatSettingKeys.CascadeWindowRange, out var window, out error)
                    && Done(current with { CascadeWindow = window }, out updated);
            case ChatSettingKeys.Window:
                if (TimeWindow.TryParse(value, out var mapWindow))
                {
                    error = null;
                    return Done(current with { Window = mapWindow }, out updated);
                }

                error = $"window must be one of {TimeWindow.Names}.";
                return false;
            case ChatSettingKeys.Summary:
                return SummaryScheduleText.TryParse(value, out var schedule, out error)
                    && Done(current with { Summary = schedule }, out updated);
            default:
                error = $"Unknown setting. Keys: {string.Join(", ", ChatSettingKeys.All)}.";
                return false;
        }
    }

    /// <summary>The settings as /config shows them, one (key, value) pair per key, in key order.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Describe(ChatSettings settings) =>
    [
        new(ChatSettingKeys.ProximityPct, FormatPercent(settings.ProximityPct)),
        new(ChatSettingKeys.MinZoneUsd, UsdAmountText.Format(settings.MinZoneUsd)),
        new(ChatSettingKeys.Cooldown, DurationText.Format(settings.Cooldown)),
        new(ChatSettingKeys.CascadeUsd, UsdAmountText.Format(settings.CascadeUsd)),
        new(ChatSettingKeys.CascadeWindow, DurationText.Format(settings.CascadeWindow)),
        new(ChatSettingKeys.Window, settings.Window.Name),
        new(ChatSettingKeys.Summary, settings.Summary?.Text ?? SummaryScheduleText.Off),
    ];

    private static bool Done(ChatSettings settings, out ChatSettings updated)
    {
        updated = settings;
        return true;
    }

    private static bool TryPercent(string value, SettingRange<double> range, out double pct, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (double.TryParse(value.TrimEnd('%').Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out pct)
            && range.Contains(pct))
        {
            return true;
        }

        error = $"{ChatSettingKeys.ProximityPct} must be a percentage from {FormatPercent(range.Min)} to {FormatPercent(range.Max)}, e.g. 0.8.";
        return false;
    }

    private static bool TryUsd(string key, string value, SettingRange<double> range, out double usd, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (UsdAmountText.TryParse(value, out usd) && range.Contains(usd))
        {
            return true;
        }

        error = $"{key} must be a dollar amount from {UsdAmountText.Format(range.Min)} to {UsdAmountText.Format(range.Max)}, "
            + $"e.g. {UsdAmountText.Format(range.Default).TrimStart('$')}.";
        return false;
    }

    private static bool TryDuration(string key, string value, SettingRange<TimeSpan> range, out TimeSpan duration, [NotNullWhen(false)] out string? error)
    {
        error = null;
        if (DurationText.TryParse(value, out duration) && range.Contains(duration))
        {
            return true;
        }

        error = $"{key} must be a duration from {DurationText.Format(range.Min)} to {DurationText.Format(range.Max)}, "
            + $"e.g. {DurationText.Format(range.Default)}.";
        return false;
    }

    private static string FormatPercent(double pct) => pct.ToString("0.###", CultureInfo.InvariantCulture);
}
