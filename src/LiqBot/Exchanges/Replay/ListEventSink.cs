using LiqBot.Engine.Market;
using LiqBot.Exchanges.Bybit;

namespace LiqBot.Exchanges.Replay;

/// <summary>Collects processor output as engine events, in order, for a replay.</summary>
internal sealed class ListEventSink(IReadOnlyList<string> symbols) : IMarketEventSink
{
    public List<MarketEvent> Output { get; } = [];

    public void OnLiveStart(int symbol, DateTimeOffset liveStart)
    {
    }

    public void OnBar(int symbol, in Bar bar) => Output.Add(new BarClosed(symbols[symbol], bar));

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Output.Add(new LiquidationReported(symbols[symbol], liquidation));

    public void OnPrice(int symbol, DateTimeOffset time, double price) => Output.Add(new PriceTicked(symbols[symbol], time, price));

    public void OnTicker(int symbol, TickerMerger ticker)
    {
    }
}
