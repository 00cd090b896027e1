namespace LiqBot.Exchanges.Okx;

/// <summary>Our symbols and OKX instrument ids: BTCUSDT is the perpetual swap BTC-USDT-SWAP.</summary>
internal static class OkxSymbols
{
    private static readonly string[] Quotes = ["USDT", "USDC"];

    public static string ToInstrument(string symbol) =>
        Quotes.FirstOrDefault(q => symbol.EndsWith(q, StringComparison.Ordinal) && symbol.Length > q.Length) is { } quote
            ? $"{symbol[..^quote.Length]}-{quote}-SWAP"
            : throw new ArgumentException($"{symbol} has no USDT or USDC perpetual on OKX.", nameof(symbol));

    public static string FromInstrument(string instrument) => instrument.EndsWith("-SWAP", StringComparison.Ordinal)
        ? instrument[..^"-SWAP".Length].Replace("-", string.Empty, StringComparison.Ordinal)
        : instrument;
}
