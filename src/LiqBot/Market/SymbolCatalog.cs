using System.Diagnostics.CodeAnalysis;

namespace LiqBot.Market;

/// <summary>
/// The names a chat may use: the configured symbols by full name (BTCUSDT) or alias (btc, BTC), an alias
/// being the name without its quote currency; and, when live, any USDT perpetual a venue lists, by its coin
/// (sol), its name (SOLUSDT) or OKX's (SOL-USDT-SWAP). An unknown name is refused with close matches.
/// </summary>
internal sealed class SymbolCatalog
{
    private const int MaxInputLength = 32;
    private static readonly string[] Quotes = ["USDT", "USDC", "USD"];
    private readonly Dictionary<string, string> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly ListedSymbols? _listed;

    public SymbolCatalog(IEnumerable<string> symbols, ListedSymbols? listed = null)
    {
        _listed = listed;
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

    /// <summary>What /help says: the configured symbols, and when venues listed theirs, that any of those works too.</summary>
    public string DescribeAll() => _listed is { IsEmpty: false } listed
        ? $"{Describe()}, and any USDT perpetual listed on {string.Join(", ", listed.Venues.Select(v => v.Name))} by its coin (sol) or name; a new one is warmed up first"
        : Describe();

    public bool TryResolve(string? text, [NotNullWhen(true)] out string? symbol, [NotNullWhen(false)] out string? error)
    {
        var trimmed = (text ?? string.Empty).Trim();
        if (trimmed.Length is > 0 and <= MaxInputLength && _byName.TryGetValue(trimmed, out symbol))
        {
            error = null;
            return true;
        }

        if (_listed is { IsEmpty: false } listed && Normalize(trimmed) is { } name)
        {
            symbol = listed.Contains(name) ? name : listed.Contains(name + "USDT") ? name + "USDT" : null;
            if (symbol is not null)
            {
                error = null;
                return true;
            }
        }

        symbol = null;
        var shown = trimmed.Length <= MaxInputLength ? trimmed : trimmed[..MaxInputLength] + "...";
        var hint = SymbolHint.Closest(trimmed, _listed is { IsEmpty: false } known ? known.All.Concat(Symbols) : Symbols) switch
        {
            [] => string.Empty,
            var coins => $" Did you mean {string.Join(" or ", coins)}?",
        };
        error = _listed is { IsEmpty: false } venues
            ? $"Unknown symbol '{shown}': no USDT perpetual of that name on {string.Join(", ", venues.Venues.Select(v => v.Name))}.{(hint.Length > 0 ? hint : " Name a coin, e.g. btc, eth or sol.")}"
            : $"Unknown symbol '{shown}'. Supported: {Describe()}.{hint}";
        return false;
    }

    /// <summary>A name as the venues spell it: "sol-usdt-swap", "SOL/USDT" and "sol_usdt" are SOLUSDT; null when it cannot be one.</summary>
    internal static string? Normalize(string text)
    {
        var upper = text.Trim().ToUpperInvariant();
        if (upper.EndsWith("-SWAP", StringComparison.Ordinal))
        {
            upper = upper[..^"-SWAP".Length];
        }

        var name = string.Concat(upper.Where(c => c is not ('-' or '/' or '_')));
        return name.Length is > 0 and <= MaxInputLength && name.All(char.IsAsciiLetterOrDigit) ? name : null;
    }

    private static string Alias(string symbol) => (BaseOf(symbol) ?? symbol).ToLowerInvariant();

    /// <summary>The symbol without its quote currency (BTCUSDT -> BTC), or null when it has none.</summary>
    internal static string? BaseOf(string symbol) =>
        Quotes.FirstOrDefault(q => symbol.EndsWith(q, StringComparison.Ordinal) && symbol.Length > q.Length) is { } quote
            ? symbol[..^quote.Length]
            : null;
}
