using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>Collects processor output as engine events for a replay, through the same reorder window as live.</summary>
internal sealed class ListEventSink(IReadOnlyList<string> symbols, TimeSpan reorderWindow) : IMarketEventSink
{
    private readonly Dictionary<int, EventReorderBuffer> _reorder = [];

    public List<MarketEvent> Output { get; } = [];

    public void Flush()
    {
        foreach (var buffer in _reorder.Values)
        {
            buffer.Flush(Output);
        }
    }

    public void OnLiveStart(int symbol, DateTimeOffset liveStart)
    {
    }

    public void OnBar(int symbol, in Bar bar) => Add(symbol, new BarClosed(symbols[symbol], bar));

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Add(symbol, new LiquidationReported(symbols[symbol], liquidation));

    public void OnPrice(int symbol, DateTimeOffset time, double price) => Add(symbol, new PriceTicked(symbols[symbol], time, price));

    private void Add(int symbol, MarketEvent e)
    {
        if (!_reorder.TryGetValue(symbol, out var buffer))
        {
            _reorder[symbol] = buffer = new EventReorderBuffer(reorderWindow);
        }

        buffer.Add(e, Output);
    }
}
