namespace LiqBot.Storage;

/// <summary>Symbols as stored: upper case letters and digits, like BTCUSDT. Aliases are resolved before the store.</summary>
internal static class SymbolText
{
    public const int MaxLength = 32;

    public static string Normalize(string symbol)
    {
        var normalized = symbol.Trim().ToUpperInvariant();
        if (normalized.Length is 0 or > MaxLength || !normalized.All(char.IsAsciiLetterOrDigit))
        {
            throw new ArgumentException($"A symbol is 1 to {MaxLength} letters and digits, like BTCUSDT.", nameof(symbol));
        }

        return normalized;
    }
}
