using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>
/// Reads "&lt;symbol&gt; [window] [venue]" for the map commands: the window defaults to the chat's
/// setting, the venue to the sum of every venue (a venue word may stand where the window would). A listed
/// symbol not tracked yet is warmed up first (the chat is told, then the reply follows).
/// </summary>
internal sealed class MarketArguments(MarketRegistry markets, SymbolTracker tracker, ISubscriptionStore store)
{
    public async Task<MarketSelection> ParseAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var live = !markets.Venues.Contains(Venue.Replay);
        if (request.Arguments.Count is 0 || request.Arguments.Count > (live ? 3 : 2))
        {
            return MarketSelection.Failed(ChatReply.Error(live
                ? $"Usage: /{request.Command} <symbol> [window] [venue], e.g. /{request.Command} btc 24h or /{request.Command} btc 24h binance. Windows: {TimeWindow.Names}."
                : $"Usage: /{request.Command} <symbol> [window], e.g. /{request.Command} btc 24h. Windows: {TimeWindow.Names}."));
        }

        if (!markets.Catalog.TryResolve(request.Arguments[0], out _, out var error))
        {
            return MarketSelection.Failed(ChatReply.Error(error));
        }

        TimeWindow? window = null;
        Venue? venue = null;
        foreach (var word in request.Arguments.Skip(1))
        {
            if (window is null && venue is null && TimeWindow.TryParse(word, out var parsed))
            {
                window = parsed;
            }
            else if (venue is null && Venue.TryParse(word, out var named))
            {
                if (!markets.Venues.Contains(named))
                {
                    return MarketSelection.Failed(ChatReply.Error($"{named.Name} is not read by this bot; its venues: {Venue.Join(markets.Venues)}."));
                }

                venue = named;
            }
            else
            {
                return MarketSelection.Failed(ChatReply.Error(live
                    ? $"Unknown window or venue '{word}'. Windows: {TimeWindow.Names}; venues: {string.Join(", ", Venue.Live.Select(v => v.Key))}."
                    : $"Unknown window '{word}'. Use {TimeWindow.Names}."));
            }
        }

        var (market, refused) = await tracker.OpenAsync(request.Arguments[0], request.Progress, cancellationToken);
        if (market is null)
        {
            return MarketSelection.Failed(ChatReply.Error(refused!));
        }

        if (venue is not null && !market.Venues.Contains(venue))
        {
            return MarketSelection.Failed(ChatReply.Error($"{market.Symbol} is not listed on {venue.Name}; it is read on {Venue.Join(market.Venues)}."));
        }

        window ??= (await store.GetSettingsAsync(request.Chat, cancellationToken)).Window;
        return new MarketSelection(market, window.Value, venue, null);
    }
}
