using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;

namespace LiqBot.Chat.Commands;

/// <summary>The arguments several commands share, as chats list them.</summary>
internal static class CommandOptions
{
    public static CommandOptionDescriptor Symbol { get; } = new("symbol", "Coin or symbol, e.g. btc, sol or SOLUSDT (any listed USDT perpetual)", Required: true, Choices: []);

    public static CommandOptionDescriptor Window { get; } = new("window", "Look-back window (default: the chat's window setting)", Required: false, Choices: [.. TimeWindow.All.Select(w => w.Name)]);

    public static CommandOptionDescriptor Venue { get; } = new("venue", "One venue instead of the sum of all (default: all)", Required: false, Choices: [.. Exchanges.Venue.Live.Select(v => v.Key)]);

    public static CommandOptionDescriptor Kinds { get; } = new("kinds", "Which alerts (default all)", Required: false, Choices: ["proximity", "sweep", "cascade", "all"]);

    public static bool TryParseKinds(string? text, out AlertKinds kinds)
    {
        kinds = (text ?? "all").Trim().ToLowerInvariant() switch
        {
            "all" => AlertKinds.All,
            "proximity" => AlertKinds.Proximity,
            "sweep" => AlertKinds.Sweep,
            "cascade" => AlertKinds.Cascade,
            _ => AlertKinds.None,
        };
        return kinds != AlertKinds.None;
    }

    public static string Describe(AlertKinds kinds) =>
        kinds == AlertKinds.All ? "proximity, sweep, cascade" : string.Join(", ", Enum.GetValues<AlertKinds>().Where(k => k is not (AlertKinds.None or AlertKinds.All) && kinds.HasFlag(k)).Select(k => k.ToString().ToLowerInvariant()));
}
