using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;

namespace LiqBot.Tests.Exchanges.Binance;

/// <summary>Keeps every decoded record.</summary>
internal sealed class RecordingBinanceHandler : IBinanceFrameHandler
{
    public List<(int Symbol, KlineRow Kline, bool Closed)> Klines { get; } = [];

    public List<PublicTrade> Trades { get; } = [];

    public List<(DateTimeOffset Time, double Mark)> Marks { get; } = [];

    public List<RealizedLiquidation> Liquidations { get; } = [];

    public void OnKline(int symbol, in KlineRow kline, bool closed) => Klines.Add((symbol, kline, closed));

    public void OnTrade(int symbol, in PublicTrade trade) => Trades.Add(trade);

    public void OnMarkPrice(int symbol, DateTimeOffset time, double markPrice) => Marks.Add((time, markPrice));

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Liquidations.Add(liquidation);
}
