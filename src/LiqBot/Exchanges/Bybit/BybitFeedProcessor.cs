using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// Applies decoded records: one <see cref="MinuteBarAggregator"/> and one <see cref="TickerMerger"/> per
/// symbol. The live client and the replay share it, so a recording replays into the same bars. The bar
/// of the minute the connection started in is partial and dropped; <see cref="IMarketEventSink.OnLiveStart"/>
/// tells the sink where live bars begin; merged tickers go to <c>onTicker</c> (about 10 a second per symbol). Price ticks are thinned to one per <c>priceTickInterval</c>.
/// </summary>
internal sealed class BybitFeedProcessor(IMarketEventSink sink, Action<int, TickerMerger>? onTicker = null, TimeSpan? priceTickInterval = null) : IBybitFrameHandler
{
    private static readonly long MinuteTicks = TimeSpan.FromMinutes(1).Ticks;
    private readonly long _priceTickTicks = (priceTickInterval ?? TimeSpan.FromSeconds(1)).Ticks;
    private SymbolFeedState[] _states = [];

    public TickerState? Ticker(int symbol) =>
        symbol < _states.Length && _states[symbol] is { Ticker.HasSnapshot: true } s ? s.Ticker.ToState() : null;

    public void OnTrade(int symbol, in PublicTrade trade)
    {
        var state = State(symbol);
        Track(symbol, state, trade.Time);
        if (state.Aggregator.AddTrade(trade, out var bar))
        {
            Emit(symbol, state, bar);
        }

        if (trade.Time.UtcTicks - state.LastPriceTicks >= _priceTickTicks)
        {
            state.LastPriceTicks = trade.Time.UtcTicks;
            sink.OnPrice(symbol, trade.Time, trade.Price);
        }
    }

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation)
    {
        var state = State(symbol);
        Track(symbol, state, liquidation.Time);
        if (state.Aggregator.AddLiquidation(liquidation, out var bar))
        {
            Emit(symbol, state, bar);
        }

        sink.OnLiquidation(symbol, liquidation);
    }

    public void OnTickerStart(int symbol, bool snapshot) => State(symbol).Ticker.Begin(snapshot);

    public void OnTickerField(int symbol, TickerField field, double? value) => State(symbol).Ticker.Set(field, value);

    public void OnTickerEnd(int symbol, DateTimeOffset time)
    {
        var state = State(symbol);
        state.Ticker.End(time);
        onTicker?.Invoke(symbol, state.Ticker);
        Track(symbol, state, time);
        var produced = state.Ticker.OpenInterestUsd is { } oi
            ? state.Aggregator.SetOpenInterest(time, oi, out var bar)
            : state.Aggregator.Advance(time, out bar);
        if (produced)
        {
            Emit(symbol, state, bar);
        }
    }

    private void Track(int symbol, SymbolFeedState state, DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        if (state.LiveStartTicks == 0)
        {
            state.LiveStartTicks = ticks - (ticks % MinuteTicks) + MinuteTicks;
        }
        else if (!state.LiveStartSignalled && ticks >= state.LiveStartTicks)
        {
            state.LiveStartSignalled = true;
            sink.OnLiveStart(symbol, new DateTimeOffset(state.LiveStartTicks, TimeSpan.Zero));
        }
    }

    private void Emit(int symbol, SymbolFeedState state, in Bar bar)
    {
        if (bar.OpenTime.UtcTicks >= state.LiveStartTicks)
        {
            sink.OnBar(symbol, bar);
        }
    }

    private SymbolFeedState State(int symbol)
    {
        if (symbol >= _states.Length)
        {
            var grown = new SymbolFeedState[symbol + 1];
            _states.CopyTo(grown, 0);
            _states = grown;
        }

        return _states[symbol] ??= new SymbolFeedState();
    }
}
