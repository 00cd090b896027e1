using LiqBot.Engine.Zones;

namespace LiqBot.Chat.Commands;

/// <summary>/liqmap &lt;symbol&gt; [window] [venue]: the map image (every venue summed, or one) and the brief.</summary>
internal sealed class LiqMapCommand(MarketArguments arguments, ChartService charts) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("liqmap", "Estimated liquidation map with the brief of the dense zones", [CommandOptions.Symbol, CommandOptions.Window, CommandOptions.Venue]);

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var (market, window, venue, error) = await arguments.ParseAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (book, _) = market!.Read(window, withHeatmap: false, venue);
        var zones = ZoneFinder.Find(book);
        var text = VenueText.Brief(book, market.VenuesIn(venue)) + MarketNotes.Status(market);
        return new ChatReply(text, charts.Map(book, zones));
    }
}
