using System.Diagnostics.CodeAnalysis;

namespace LiqBot.Market;

/// <summary>
/// The symbols the bot follows, found by full name (BTCUSDT) or alias (btc, BTC): an alias is the
/// name without its quote currency.
/// </summary>
internal sealed class SymbolCatalog
{
    private const int MaxInputLength = 32;
    private static readonly string[] Quotes = ["USDT", "USDC", "USD"];
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);

    public SymbolCatalog(IEnumerable<string> symbols)
    {
        foreach (var symbol in symbols.Select(s => s.Trim().ToUpperInvariant()).Distinct())
        {
            Symbols.Add(symbol);
            _byName[symbol] = symbol;
            if (BaseOf(symbol) is { } alias)
            {
                _byName.TryAdd(alias, symbol);
            }
        }
    }

    public List<string> Symbols { get; } = [];

    /// <summary>"BTCUSDT (btc), ETHUSDT (eth)".</summary>
    public string Describe() => string.Join(", ", Symbols.Select(s => $"{s} ({Alias(s)})"));

    public bool TryResolve(string? text, [NotNullWhen(true)] out string? symbol, [NotNullWhen(false)] out string? error)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length is > 0 and <= MaxInputLength && _byName.TryGetValue(trimmed, out symbol))
        {
            error = null;
            return true;
        }

        symbol = null;
        var shown = trimmed.Length <= MaxInputLength ? trimmed : trimmed[..MaxInputLength] + "...";
        error = $"Unknown symbol '{shown}'. Supported: {Describe()}.";
        return false;
    }

    private static string Alias(string symbol) => (BaseOf(symbol) ?? symbol).ToLowerInvariant();

    /// <summary>The symbol without its quote currency (BTCUSDT -> BTC), or null when it has none.</summary>
    internal static string? BaseOf(string symbol) =>
        Quotes.FirstOrDefault(q => symbol.EndsWith(q, StringComparison.Ordinal) && symbol.Length > q.Length) is { } quote
            ? symbol[..^quote.Length]
            : null;
}
