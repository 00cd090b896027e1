using System.Globalization;
using LiqBot.Engine.Formatting;

namespace LiqBot.Chat.Commands;

/// <summary>/heatmap &lt;symbol&gt; [window]: remaining estimated notional over time, realized liquidations on top.</summary>
internal sealed class HeatmapCommand(MarketArguments arguments, ChartService charts) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("heatmap", "Liquidation heatmap over time, realized liquidations on top", [CommandOptions.Symbol, CommandOptions.Window]);

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var (market, window, error) = await arguments.ParseAsync(request, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var (book, heatmap) = market!.Read(window, withHeatmap: true);
        var text = book.IsEmpty
            ? $"{book.Symbol}: waiting for market data."
            : string.Create(CultureInfo.InvariantCulture, $"{book.Symbol} heatmap {window.Name}, price {MarketText.Price(book.Price, book.BinSize)}, {heatmap!.Realized.Count} realized liquidation points.");
        return new ChatReply(text + MarketNotes.Status(market), charts.Heatmap(heatmap!));
    }
}
