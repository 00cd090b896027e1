using LiqBot.Market;

namespace LiqBot.Chat.Commands;

/// <summary>What a reply adds when the data behind it is stale.</summary>
internal static class MarketNotes
{
    public static string Status(SymbolMarket market) => market.Unavailable is { } reason ? $"\n({reason}; the map is as of the last data.)" : string.Empty;
}
