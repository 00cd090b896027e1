using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Exchanges;

namespace LiqBot.Chat.Commands;

/// <summary>How replies name the venues behind a map, and what each one's realized liquidations cover.</summary>
internal static class VenueText
{
    /// <summary>The brief with the venues after symbol and window: "BTCUSDT 24h, Binance+Bybit+OKX, price 91.2k. ..." (a replay names none).</summary>
    public static string Brief(BookSnapshot book, IReadOnlyList<Venue> venues)
    {
        var brief = MarketBrief.Write(book);
        var head = $"{book.Symbol} {book.Window.Name}, ";
        return IsLive(venues) && brief.StartsWith(head, StringComparison.Ordinal)
            ? head + Venue.Join(venues) + ", " + brief[head.Length..]
            : brief;
    }

    /// <summary>"realized liquidations: Binance sampled (at most 1/s per symbol), Bybit complete, OKX partial"; empty for a replay.</summary>
    public static string Coverage(IReadOnlyList<Venue> venues) =>
        IsLive(venues)
            ? "realized liquidations: " + string.Join(", ", venues.OrderBy(v => v.Name, StringComparer.OrdinalIgnoreCase).Select(v => $"{v.Name} {v.CoverageText}"))
            : string.Empty;

    private static bool IsLive(IReadOnlyList<Venue> venues) => venues.Count > 0 && !venues.Contains(Venue.Replay);
}
