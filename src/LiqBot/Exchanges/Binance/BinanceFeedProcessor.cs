using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// Applies decoded Binance records per symbol: keeps the last kline frame of each minute and hands the
/// minute on when its x:true frame comes (or, when a later minute starts without one, as a minute to
/// fetch from REST); keeps the latest mark price to value open interest; sums forceOrder notional per
/// minute for the bar; passes liquidations and thinned prices to the sink. The first kline of a
/// connection marks where live bars begin.
/// </summary>
internal sealed class BinanceFeedProcessor(IMarketEventSink sink, int symbolCount, TimeSpan? priceTickInterval = null) : IBinanceFrameHandler
{
    private readonly SymbolState[] _states = Enumerable.Range(0, symbolCount).Select(_ => new SymbolState(priceTickInterval)).ToArray();

    /// <summary>Minutes ready for their open interest, in the order they closed.</summary>
    public List<ClosedKline> Closed { get; } = [];

    public void OnKline(int symbol, in KlineRow kline, bool closed)
    {
        var state = _states[symbol];
        if (state.Open is { } open && kline.OpenTime > open && !state.OpenClosed)
        {
            Closed.Add(new ClosedKline(symbol, open, null, state.Mark));
        }

        if (state.Open is null)
        {
            sink.OnLiveStart(symbol, kline.OpenTime);
        }

        if (state.Open is { } seen && kline.OpenTime < seen || state.Open == kline.OpenTime && state.OpenClosed)
        {
            return; // a late frame of a minute already handed on
        }

        state.Open = kline.OpenTime;
        state.OpenClosed = closed;
        if (closed)
        {
            Closed.Add(new ClosedKline(symbol, kline.OpenTime, kline, state.Mark));
        }
    }

    public void OnTrade(int symbol, in PublicTrade trade)
    {
        var state = _states[symbol];
        if (state.Prices.Admit(trade.Time))
        {
            sink.OnPrice(symbol, trade.Time, trade.Price);
        }
    }

    public void OnMarkPrice(int symbol, DateTimeOffset time, double markPrice) => _states[symbol].Mark = markPrice;

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation)
    {
        _states[symbol].Liquidated.Add(liquidation.Time, liquidation.Side == PositionSide.Long, liquidation.NotionalUsd);
        sink.OnLiquidation(symbol, liquidation);
    }

    /// <summary>The liquidation totals of a minute, forgotten with every earlier minute.</summary>
    public (double LongUsd, double ShortUsd) TakeLiquidations(int symbol, DateTimeOffset minute) => _states[symbol].Liquidated.Take(minute);

    private sealed class SymbolState(TimeSpan? priceTickInterval)
    {
        public DateTimeOffset? Open { get; set; }

        public bool OpenClosed { get; set; }

        public double? Mark { get; set; }

        public PriceThinning Prices { get; } = new(priceTickInterval);

        public MinuteSums Liquidated { get; } = new();
    }
}
