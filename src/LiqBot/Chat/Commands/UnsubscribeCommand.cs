using LiqBot.Alerts;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>/unsubscribe &lt;symbol|all&gt;.</summary>
internal sealed class UnsubscribeCommand(MarketRegistry markets, ISubscriptionStore store, SubscriptionChanges changes) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("unsubscribe", "Stop alerts for a symbol, or all", [new("symbol", "Symbol, or all", Required: true, Choices: [])], AdminOnly: true, Example: "/unsubscribe btc, /unsubscribe all");

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Count != 1)
        {
            return ChatReply.Error("Usage: /unsubscribe <symbol|all>, e.g. /unsubscribe btc.");
        }

        if (string.Equals(request.Arguments[0], "all", StringComparison.OrdinalIgnoreCase))
        {
            var removed = await store.UnsubscribeAllAsync(request.Chat, cancellationToken);
            changes.Notify();
            return new ChatReply(removed == 0 ? "This chat had no subscriptions." : $"Unsubscribed from all {removed} symbol(s).");
        }

        if (!markets.Catalog.TryResolve(request.Arguments[0], out var symbol, out var error))
        {
            return ChatReply.Error(error);
        }

        var had = await store.UnsubscribeAsync(request.Chat, symbol, cancellationToken);
        changes.Notify();
        return new ChatReply(had ? $"Unsubscribed from {symbol}." : $"This chat was not subscribed to {symbol}.");
    }
}
