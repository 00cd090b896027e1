using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Chat.Commands;

/// <summary>What a map command was asked for: the symbol's market, the window, one venue or null for all; or why not.</summary>
internal sealed record MarketSelection(SymbolMarket? Market, TimeWindow Window, Venue? Venue, ChatReply? Error)
{
    public static MarketSelection Failed(ChatReply error) => new(null, default, null, error);
}
