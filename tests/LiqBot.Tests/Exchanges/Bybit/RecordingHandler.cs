using LiqBot.Engine.Market;
using LiqBot.Exchanges.Bybit;

namespace LiqBot.Tests.Exchanges.Bybit;

/// <summary>Keeps what the decoder hands over, and merges tickers like the live processor.</summary>
internal sealed class RecordingHandler : IBybitFrameHandler
{
    public List<(int Symbol, PublicTrade Trade)> Trades { get; } = [];

    public List<(int Symbol, RealizedLiquidation Liquidation)> Liquidations { get; } = [];

    public TickerMerger Ticker { get; } = new();

    public void OnTrade(int symbol, in PublicTrade trade) => Trades.Add((symbol, trade));

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Liquidations.Add((symbol, liquidation));

    public void OnTickerStart(int symbol, bool snapshot) => Ticker.Begin(snapshot);

    public void OnTickerField(int symbol, TickerField field, double? value) => Ticker.Set(field, value);

    public void OnTickerEnd(int symbol, DateTimeOffset time) => Ticker.End(time);
}
