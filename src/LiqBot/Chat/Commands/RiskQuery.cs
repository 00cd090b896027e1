using LiqBot.Engine.Risk;
using LiqBot.Exchanges;

namespace LiqBot.Chat.Commands;

/// <summary>What /risk was asked: the symbol, the position and one venue or null for the sum of all; or why not.</summary>
internal sealed record RiskQuery(string Symbol, RiskPosition Position, Venue? Venue, ChatReply? Error)
{
    public static RiskQuery Failed(string error) => new(string.Empty, new RiskPosition(default, 0, 0), null, ChatReply.Error(error));
}
