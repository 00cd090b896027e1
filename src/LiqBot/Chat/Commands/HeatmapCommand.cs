using System.Globalization;
using LiqBot.Engine.Formatting;
using LiqBot.Exchanges;

namespace LiqBot.Chat.Commands;

/// <summary>
/// /heatmap &lt;symbol&gt; [window] [venue]: remaining estimated notional over time, realized liquidations on top,
/// which venues' realized liquidations are complete, and when a venue's were not received at all (an outage).
/// </summary>
internal sealed class HeatmapCommand(MarketArguments arguments, ChartService charts) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("heatmap", "Liquidation heatmap over time, realized liquidations on top", [CommandOptions.Symbol, CommandOptions.Window, CommandOptions.Venue], Example: "/heatmap btc 3d");

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var (market, window, venue, error) = await arguments.ParseAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (book, heatmap) = market!.Read(window, withHeatmap: true, venue);
        var venues = market.VenuesIn(venue);
        var coverage = VenueText.Coverage(venues);
        var named = coverage.Length == 0 ? string.Empty : $", {Venue.Join(venues)}";
        var text = book.IsEmpty
            ? $"{book.Symbol}: waiting for market data."
            : string.Create(CultureInfo.InvariantCulture, $"{book.Symbol} heatmap {window.Name}{named}, price {MarketText.Price(book.Price, book.BinSize)}, {heatmap!.Realized.Count} realized liquidation points.");
        if (coverage.Length > 0)
        {
            // The image says it too, under its title, so a forwarded picture keeps the caveat.
            text += $"\n({coverage}.)";
            heatmap = heatmap! with { Source = $"{heatmap.Source} · {coverage}" };
        }

        if (heatmap!.Gaps.Count > 0 && !book.IsEmpty)
        {
            var spans = OutageText.List(heatmap.Gaps, name => $"{name} down ", withDate: window.Span > TimeSpan.FromDays(1));
            text += $"\n(Liquidations missing for good, so the points undercount: {spans}.)";
        }

        return new ChatReply(text + MarketNotes.Status(market), charts.Heatmap(heatmap));
    }
}
