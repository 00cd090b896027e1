using System.Reflection;
using LiqBot.Alerts;
using LiqBot.Chat.Discord;
using LiqBot.Chat.Telegram;
using LiqBot.Engine.Model;
using LiqBot.Exchanges.Binance;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using LiqBot.Market;
using LiqBot.Operations;
using LiqBot.Storage;

namespace LiqBot.Cli;

/// <summary>
/// Checks what `run` did not recognise: only `--Section:Key value` (or `--Section:Key=value`) overrides
/// of settings that exist. A misspelled option or key would otherwise be ignored while the bot starts
/// (and calls the exchange) as if nothing had been said.
/// </summary>
internal static class ConfigurationOverrides
{
    private static readonly Dictionary<string, Type?> Sections = new(StringComparer.OrdinalIgnoreCase)
    {
        [MarketOptions.Section] = typeof(MarketOptions),
        ["Model"] = typeof(ModelOptions),
        [BybitOptions.Section] = typeof(BybitOptions),
        [BinanceOptions.Section] = typeof(BinanceOptions),
        [OkxOptions.Section] = typeof(OkxOptions),
        [StorageOptions.SectionName] = typeof(StorageOptions),
        [OutboxOptions.Section] = typeof(OutboxOptions),
        [OperationsOptions.Section] = typeof(OperationsOptions),
        [TelegramOptions.Section] = typeof(TelegramOptions),
        [DiscordOptions.Section] = typeof(DiscordOptions),
        ["Logging"] = null, // free-form: categories and levels
    };

    /// <summary>Throws <see cref="UsageException"/> naming the first token that is not a known override.</summary>
    public static void Check(IReadOnlyList<string> tokens, IReadOnlyList<string> verbOptions)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!token.StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"unexpected argument '{Shorten(token)}' (see --help)");
            }

            var key = token[2..];
            var equals = key.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                key = key[..equals];
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                i++;
            }
            else
            {
                throw new UsageException($"{Shorten(token)} needs a value");
            }

            var parts = key.Split(':');
            if (parts.Length < 2)
            {
                var near = verbOptions.FirstOrDefault(o => Distance(o, "--" + key) <= 2);
                throw new UsageException($"unknown option '{Shorten(token)}'" + (near is null ? "" : $"; did you mean {near}?") + " (see --help; settings go as --Section:Key value)");
            }

            if (!Sections.TryGetValue(parts[0], out var type))
            {
                throw new UsageException($"unknown setting '{Shorten(key)}': there is no section '{Shorten(parts[0])}' (sections: {string.Join(", ", Sections.Keys)})");
            }

            if (type is not null && type.GetProperty(parts[1], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is null)
            {
                var keys = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name);
                throw new UsageException($"unknown setting '{Shorten(key)}': {parts[0]} has {string.Join(", ", keys)}");
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "...";

    /// <summary>Levenshtein distance, for "did you mean".</summary>
    private static int Distance(string a, string b)
    {
        var row = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var diagonal = row[0];
            row[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var above = row[j];
                row[j] = Math.Min(Math.Min(row[j] + 1, row[j - 1] + 1), diagonal + (char.ToLowerInvariant(a[i - 1]) == char.ToLowerInvariant(b[j - 1]) ? 0 : 1));
                diagonal = above;
            }
        }

        return row[b.Length];
    }
}
