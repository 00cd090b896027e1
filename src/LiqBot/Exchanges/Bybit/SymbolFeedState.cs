using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>What <see cref="BybitFeedProcessor"/> keeps per symbol for one connection.</summary>
internal sealed class SymbolFeedState
{
    public MinuteBarAggregator Aggregator { get; } = new();

    public TickerMerger Ticker { get; } = new();

    public long LiveStartTicks { get; set; }

    public bool LiveStartSignalled { get; set; }

    public long LastPriceTicks { get; set; } = long.MinValue / 2;
}
