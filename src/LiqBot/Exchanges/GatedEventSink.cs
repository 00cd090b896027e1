using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>Turns processor output into engine events, through each symbol's <see cref="SymbolGate"/>.</summary>
internal sealed class GatedEventSink(IReadOnlyList<SymbolGate> gates, FeedCounters counters) : IMarketEventSink
{
    public List<MarketEvent> Output { get; } = [];

    public void OnLiveStart(int symbol, DateTimeOffset liveStart) => gates[symbol].LiveStart ??= liveStart;

    public void OnBar(int symbol, in Bar bar) => gates[symbol].Offer(new BarClosed(gates[symbol].Symbol, bar), Output, counters);

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) =>
        gates[symbol].Offer(new LiquidationReported(gates[symbol].Symbol, liquidation), Output, counters);

    public void OnPrice(int symbol, DateTimeOffset time, double price) =>
        gates[symbol].Offer(new PriceTicked(gates[symbol].Symbol, time, price), Output, counters);
}
