using LiqBot.Engine.Risk;
using LiqBot.Engine.Zones;
using LiqBot.Market;
using LiqBot.Risk;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>
/// /risk &lt;symbol&gt; &lt;long|short&gt; &lt;leverage&gt; &lt;entry&gt; [size] [venue]: where an isolated position
/// is liquidated (the venue's tier for its size), what the map holds on the way, and the map with both marked.
/// </summary>
internal sealed class RiskCommand(MarketRegistry markets, SymbolTracker tracker, MarginTierStore tiers, ISubscriptionStore store, ChartService charts) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new(
        "risk",
        "Where an isolated position is liquidated, and the est. liquidations on the way",
        [
            CommandOptions.Symbol,
            new("side", "long or short", Required: true, Choices: ["long", "short"]),
            new("leverage", "Leverage, e.g. 20 (isolated margin)", Required: true, Choices: [], CommandOptionKind.Number, Min: 1, Max: MarginTierStore.DefaultMaxLeverage),
            new("entry", "Entry price", Required: true, Choices: [], CommandOptionKind.Number, Min: 1e-6),
            new("size", "Position size in USD, e.g. 25k (picks the margin tier; default the lowest)", Required: false, Choices: []),
            CommandOptions.Venue,
        ],
        Example: "/risk btc long 20x 64000, /risk eth short 10 3150 25k okx");

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var query = RiskArguments.Parse(request.Arguments, markets);
        if (query.Error is not null)
        {
            return query.Error;
        }

        var (market, refused) = await tracker.OpenSymbolAsync(query.Symbol, request.Progress, cancellationToken);
        if (market is null)
        {
            return ChatReply.Error(refused!);
        }

        if (query.Venue is { } asked && !market.Venues.Contains(asked))
        {
            return ChatReply.Error($"{market.Symbol} is not listed on {asked.Name}; it is read on {Exchanges.Venue.Join(market.Venues)}.");
        }

        var window = (await store.GetSettingsAsync(request.Chat, cancellationToken)).Window;
        var (book, _) = market.Read(window, withHeatmap: false, query.Venue);
        var venue = query.Venue ?? market.Venues[0];
        var schedule = tiers.Schedule(venue, query.Symbol, book.Price);
        if (!PositionRisk.TryAssess(book, query.Position, schedule, out var risk, out var error))
        {
            return ChatReply.Error(error);
        }

        var venues = market.VenuesIn(query.Venue);
        var mapName = venues.Count == 0 || venues.Contains(Exchanges.Venue.Replay) ? string.Empty : ", " + Exchanges.Venue.Join(venues);
        var text = $"{RiskBrief.Write(risk, book.BinSize)}\n(Map: {book.Symbol} {book.Window.Name}{mapName}, estimated. Isolated margin; fees and funding ignored.){MarketNotes.Status(market)}";
        return new ChatReply(text, charts.Risk(book, ZoneFinder.Find(book), risk));
    }
}
