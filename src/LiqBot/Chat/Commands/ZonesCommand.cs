using System.Text;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Zones;

namespace LiqBot.Chat.Commands;

/// <summary>/zones &lt;symbol&gt; [window] [venue]: the brief and the zones as text (every venue summed, or one).</summary>
internal sealed class ZonesCommand(MarketArguments arguments) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("zones", "The dense zones as text", [CommandOptions.Symbol, CommandOptions.Window, CommandOptions.Venue]);

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var (market, window, venue, error) = await arguments.ParseAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (book, _) = market!.Read(window, withHeatmap: false, venue);
        var text = new StringBuilder(VenueText.Brief(book, market.VenuesIn(venue)));
        foreach (var zone in ZoneFinder.Find(book))
        {
            text.Append('\n').Append(zone.Side == Engine.Market.PositionSide.Long ? "long  " : "short ")
                .Append(MarketText.Price(zone.Low, book.BinSize)).Append('-').Append(MarketText.Price(zone.High, book.BinSize))
                .Append("  ").Append(MoneyFormat.Usd(zone.NotionalUsd)).Append("  ").Append(MoneyFormat.SignedPercent(zone.DistancePct));
        }

        return new ChatReply(text + MarketNotes.Status(market));
    }
}
