using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>Realized liquidations as points, in arrival order, in a ring buffer of fixed capacity.</summary>
internal sealed class RealizedHistory(int capacity)
{
    private readonly RealizedLiquidation[] _items = new RealizedLiquidation[capacity];
    private int _next;

    public int Count { get; private set; }

    public void Add(in RealizedLiquidation liquidation)
    {
        _items[_next] = liquidation;
        _next = _next + 1 == _items.Length ? 0 : _next + 1;
        if (Count < _items.Length)
        {
            Count++;
        }
    }

    /// <summary>The points with Time in [from, to], oldest first.</summary>
    public List<RealizedLiquidation> Between(DateTimeOffset from, DateTimeOffset to)
    {
        var result = new List<RealizedLiquidation>();
        var start = Count < _items.Length ? 0 : _next;
        for (var i = 0; i < Count; i++)
        {
            ref readonly var item = ref _items[(start + i) % _items.Length];
            if (item.Time >= from && item.Time <= to)
            {
                result.Add(item);
            }
        }

        return result;
    }

    /// <summary>USD liquidated per side with Time in (from, to]; scans newest first and stops at the first older point.</summary>
    public (double LongUsd, double ShortUsd) SumAfter(DateTimeOffset from, DateTimeOffset to)
    {
        double longUsd = 0, shortUsd = 0;
        for (var i = 1; i <= Count; i++)
        {
            ref readonly var item = ref _items[(_next - i + _items.Length) % _items.Length];
            if (item.Time <= from)
            {
                break;
            }

            if (item.Time > to)
            {
                continue;
            }

            if (item.Side == PositionSide.Long)
            {
                longUsd += item.NotionalUsd;
            }
            else
            {
                shortUsd += item.NotionalUsd;
            }
        }

        return (longUsd, shortUsd);
    }
}
