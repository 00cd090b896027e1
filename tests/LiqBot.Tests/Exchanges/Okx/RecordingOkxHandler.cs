using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Okx;

namespace LiqBot.Tests.Exchanges.Okx;

/// <summary>Keeps every decoded record.</summary>
internal sealed class RecordingOkxHandler : IOkxFrameHandler
{
    public List<(KlineRow Candle, bool Confirmed)> Candles { get; } = [];

    public List<PublicTrade> Trades { get; } = [];

    public List<double> OpenInterest { get; } = [];

    public List<RealizedLiquidation> Liquidations { get; } = [];

    public void OnCandle(int symbol, in KlineRow candle, bool confirmed) => Candles.Add((candle, confirmed));

    public void OnTrade(int symbol, in PublicTrade trade) => Trades.Add(trade);

    public void OnOpenInterest(int symbol, DateTimeOffset time, double openInterestUsd) => OpenInterest.Add(openInterestUsd);

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation) => Liquidations.Add(liquidation);
}
