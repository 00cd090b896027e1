using LiqBot.Alerts;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>/subscribe &lt;symbol&gt; [proximity|sweep|cascade|all]: this chat gets those alerts (admins only in groups).</summary>
internal sealed class SubscribeCommand(MarketRegistry markets, SymbolTracker tracker, ISubscriptionStore store, SubscriptionChanges changes) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("subscribe", "Alerts for a symbol in this chat", [CommandOptions.Symbol, CommandOptions.Kinds], AdminOnly: true, Example: "/subscribe btc proximity");

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Count is 0 or > 2)
        {
            return ChatReply.Error("Usage: /subscribe <symbol> [proximity|sweep|cascade|all], e.g. /subscribe btc all.");
        }

        if (!markets.Catalog.TryResolve(request.Arguments[0], out _, out var error))
        {
            return ChatReply.Error(error);
        }

        if (!CommandOptions.TryParseKinds(request.Arguments.ElementAtOrDefault(1), out var kinds))
        {
            return ChatReply.Error($"Unknown alert kind '{request.Arguments[1]}'. Use proximity, sweep, cascade or all.");
        }

        // Alerts need the symbol's books: a listed one not tracked yet is warmed up first (and kept while subscribed).
        var (market, refused) = await tracker.OpenAsync(request.Arguments[0], request.Progress, cancellationToken);
        if (market is null)
        {
            return ChatReply.Error(refused!);
        }

        var symbol = market.Symbol;

        var subscription = await store.SubscribeAsync(request.Chat, symbol, kinds, cancellationToken);
        changes.Notify();
        return new ChatReply($"Subscribed to {symbol} alerts: {CommandOptions.Describe(subscription.Kinds)}. See /alerts for thresholds, /config to change them.");
    }
}
