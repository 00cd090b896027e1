namespace LiqBot.Engine.Market;

/// <summary>
/// Turns one symbol's trades, open-interest readings and realized liquidations into closed bars
/// (1 minute by default) with VWAP, taker buy/sell USD, OI at close and liquidation totals.
/// Pure: time comes only from the records. A bar closes when a record at or after its close time
/// arrives (or <see cref="Advance"/> is called with such a time); minutes without trades yield no bar,
/// and a bar is only produced once an open interest is known. Allocation-free.
/// </summary>
public sealed class MinuteBarAggregator
{
    private readonly long _durationTicks;
    private long _openTicks = long.MinValue;
    private bool _hasTrade;
    private double _open, _high, _low, _close, _volume, _notional, _takerBuy, _takerSell, _liqLong, _liqShort;
    private double _openInterestUsd = double.NaN;

    public MinuteBarAggregator(TimeSpan? duration = null)
    {
        var d = duration ?? TimeSpan.FromMinutes(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(d, TimeSpan.Zero, nameof(duration));
        _durationTicks = d.Ticks;
    }

    public TimeSpan Duration => new(_durationTicks);

    /// <summary>The latest open interest seen (USD, one side), NaN until the first reading.</summary>
    public double OpenInterestUsd => _openInterestUsd;

    /// <summary>Closes the current bar if <paramref name="time"/> is at or past its close.</summary>
    public bool Advance(DateTimeOffset time, out Bar closed)
    {
        var ticks = time.UtcTicks;
        if (_openTicks != long.MinValue && ticks >= _openTicks + _durationTicks)
        {
            var produced = TryBuild(out closed);
            Reset(ticks);
            return produced;
        }

        if (_openTicks == long.MinValue)
        {
            Reset(ticks);
        }

        closed = default;
        return false;
    }

    public bool AddTrade(in PublicTrade trade, out Bar closed)
    {
        var produced = Advance(trade.Time, out closed);
        var price = trade.Price;
        if (!_hasTrade)
        {
            _open = _high = _low = price;
            _hasTrade = true;
        }
        else if (price > _high)
        {
            _high = price;
        }
        else if (price < _low)
        {
            _low = price;
        }

        _close = price;
        var notional = price * trade.Quantity;
        _volume += trade.Quantity;
        _notional += notional;
        if (trade.TakerIsBuyer)
        {
            _takerBuy += notional;
        }
        else
        {
            _takerSell += notional;
        }

        return produced;
    }

    public bool AddLiquidation(in RealizedLiquidation liquidation, out Bar closed)
    {
        var produced = Advance(liquidation.Time, out closed);
        if (liquidation.Side == PositionSide.Long)
        {
            _liqLong += liquidation.NotionalUsd;
        }
        else
        {
            _liqShort += liquidation.NotionalUsd;
        }

        return produced;
    }

    /// <summary>Records an open-interest reading; the bar's OI at close is the last reading before its close.</summary>
    public bool SetOpenInterest(DateTimeOffset time, double openInterestUsd, out Bar closed)
    {
        var produced = Advance(time, out closed);
        _openInterestUsd = openInterestUsd;
        return produced;
    }

    private bool TryBuild(out Bar bar)
    {
        if (!_hasTrade || double.IsNaN(_openInterestUsd))
        {
            bar = default;
            return false;
        }

        bar = new Bar(
            new DateTimeOffset(_openTicks, TimeSpan.Zero),
            new TimeSpan(_durationTicks),
            _open, _high, _low, _close, _openInterestUsd,
            Vwap: _volume > 0 ? _notional / _volume : null,
            TakerBuyUsd: _takerBuy,
            TakerSellUsd: _takerSell,
            LiquidatedLongUsd: _liqLong,
            LiquidatedShortUsd: _liqShort);
        return true;
    }

    private void Reset(long ticks)
    {
        _openTicks = ticks - (ticks % _durationTicks);
        _hasTrade = false;
        _open = _high = _low = _close = 0;
        _volume = _notional = _takerBuy = _takerSell = _liqLong = _liqShort = 0;
    }
}
