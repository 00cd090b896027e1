namespace LiqBot.Market;

/// <summary>
/// Close matches for a name no venue lists, among the listed coins: a coin the name starts with or that
/// starts with it ("solana" and "so" find SOL), or one within a small edit distance ("sool" finds SOL),
/// nearest first.
/// </summary>
internal static class SymbolHint
{
    public static IReadOnlyList<string> Closest(string name, IEnumerable<string> symbols, int max = 3)
    {
        var query = SymbolCatalog.Normalize(name) is { } normalized ? SymbolCatalog.BaseOf(normalized) ?? normalized : null;
        if (query is not { Length: >= 2 })
        {
            return [];
        }

        var allowed = Math.Max(1, query.Length / 3);
        return symbols
            .Select(s => SymbolCatalog.BaseOf(s) ?? s)
            .Distinct(StringComparer.Ordinal)
            .Select(coin => (Coin: coin, Score: Score(query, coin, allowed)))
            .Where(c => c.Score is not null)
            .OrderBy(c => c.Score)
            .ThenBy(c => c.Coin.Length)
            .ThenBy(c => c.Coin, StringComparer.Ordinal)
            .Take(max)
            .Select(c => c.Coin)
            .ToList();
    }

    /// <summary>Lower is closer; null is no match. A prefix either way counts as one edit.</summary>
    private static int? Score(string query, string coin, int allowed)
    {
        if (coin.Length >= 2 && (query.StartsWith(coin, StringComparison.Ordinal) || coin.StartsWith(query, StringComparison.Ordinal)))
        {
            return 1;
        }

        var distance = Distance(query, coin);
        return distance <= allowed ? distance : null;
    }

    /// <summary>Levenshtein distance, two rows.</summary>
    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1], previous[j]) + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
