using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// Applies decoded OKX records per symbol. A candle1m with confirm "1" becomes a bar with the latest
/// open-interest push (oiUsd) and the taker buy and sell summed from that minute's trades (OKX candles do
/// not split them); when a minute's confirming frame never came, its last frame stands for it once a
/// later minute starts. Liquidations and thinned prices go to the sink; the first candle of a connection
/// marks where live bars begin.
/// </summary>
internal sealed class OkxFeedProcessor(IMarketEventSink sink, int symbolCount, TimeSpan? priceTickInterval = null) : IOkxFrameHandler
{
    private readonly SymbolState[] _states = Enumerable.Range(0, symbolCount).Select(_ => new SymbolState(priceTickInterval)).ToArray();

    public void OnCandle(int symbol, in KlineRow candle, bool confirmed)
    {
        var state = _states[symbol];
        if (state.Last is null)
        {
            sink.OnLiveStart(symbol, candle.OpenTime);
        }

        if (state.Last is { } last && candle.OpenTime > last.OpenTime && !state.LastConfirmed)
        {
            Emit(symbol, state, last);
        }

        if (state.Last is { } seen && (candle.OpenTime < seen.OpenTime || candle.OpenTime == seen.OpenTime && state.LastConfirmed))
        {
            return;
        }

        state.Last = candle;
        state.LastConfirmed = confirmed;
        if (confirmed)
        {
            Emit(symbol, state, candle);
        }
    }

    public void OnTrade(int symbol, in PublicTrade trade)
    {
        var state = _states[symbol];
        state.Taker.Add(trade.Time, trade.TakerIsBuyer, trade.NotionalUsd);
        if (state.Prices.Admit(trade.Time))
        {
            sink.OnPrice(symbol, trade.Time, trade.Price);
        }
    }

    public void OnOpenInterest(int symbol, DateTimeOffset time, double openInterestUsd) => _states[symbol].OpenInterestUsd = openInterestUsd;

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation)
    {
        _states[symbol].Liquidated.Add(liquidation.Time, liquidation.Side == PositionSide.Long, liquidation.NotionalUsd);
        sink.OnLiquidation(symbol, liquidation);
    }

    private void Emit(int symbol, SymbolState state, in KlineRow candle)
    {
        var (buy, sell) = state.Taker.Take(candle.OpenTime);
        var (longUsd, shortUsd) = state.Liquidated.Take(candle.OpenTime);
        if (state.OpenInterestUsd is { } oi)
        {
            sink.OnBar(symbol, candle.ToBar(TimeGrid.Minute, oi, longUsd, shortUsd) with { TakerBuyUsd = buy, TakerSellUsd = sell });
        }
    }

    private sealed class SymbolState(TimeSpan? priceTickInterval)
    {
        public KlineRow? Last { get; set; }

        public bool LastConfirmed { get; set; }

        public double? OpenInterestUsd { get; set; }

        public PriceThinning Prices { get; } = new(priceTickInterval);

        public MinuteSums Taker { get; } = new();

        public MinuteSums Liquidated { get; } = new();
    }
}
