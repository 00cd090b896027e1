using LiqBot.Engine.Model;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>Reads "&lt;symbol&gt; [window]" for the map commands; the window defaults to the chat's setting.</summary>
internal sealed class MarketArguments(MarketRegistry markets, ISubscriptionStore store)
{
    public async Task<(SymbolMarket? Market, TimeWindow Window, ChatReply? Error)> ParseAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Count is 0 or > 2)
        {
            return (null, default, ChatReply.Error($"Usage: /{request.Command} <symbol> [window], e.g. /{request.Command} btc 24h. Windows: {TimeWindow.Names}."));
        }

        if (!markets.Catalog.TryResolve(request.Arguments[0], out var symbol, out var error))
        {
            return (null, default, ChatReply.Error(error));
        }

        TimeWindow window;
        if (request.Arguments.Count == 2)
        {
            if (!TimeWindow.TryParse(request.Arguments[1], out window))
            {
                return (null, default, ChatReply.Error($"Unknown window '{request.Arguments[1]}'. Use {TimeWindow.Names}."));
            }
        }
        else
        {
            window = (await store.GetSettingsAsync(request.Chat, cancellationToken)).Window;
        }

        return (markets.Find(symbol), window, null);
    }
}
