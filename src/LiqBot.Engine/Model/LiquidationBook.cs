using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>
/// The estimated liquidation map of one symbol (design.md, model steps 1 to 8). Open-interest
/// increases open long and short cohorts over the leverage tiers at their liquidation prices;
/// a bar that trades through a level liquidates it; decreases close every live cohort in
/// proportion; cohorts decay with a half-life and leave each window as they age.
/// Not thread-safe: one writer, queries from the same thread or under the caller's lock.
/// </summary>
public sealed partial class LiquidationBook
{
    private const double ResidueUsd = 0.01;
    private const double RenormalizeBelow = 1e-150;
    private const double MinKeptShare = 1e-6;

    private readonly ModelOptions _options;
    private readonly LeverageTier[] _tiers;
    private readonly TimeWindow[] _windows;
    private readonly int _longest;
    private readonly int _allSeries;
    private readonly bool _oneWeight;
    private readonly BinGrid _grid;
    private readonly LevelHeap _longLevels = new(highestFirst: true);
    private readonly LevelHeap _shortLevels = new(highestFirst: false);
    private readonly long[] _windowStart;
    private readonly HeatmapColumnBuffer[] _heatmaps;
    private readonly RealizedHistory _realized;
    private readonly double[] _halfLifeTicks;
    private Cohort[] _cohorts = new Cohort[1024];
    private long _firstId;
    private long _nextId;
    private readonly double[] _scale = [1, 1];
    private readonly double[] _weights;
    private long _weightsTicks = long.MinValue;
    private long _epochTicks;
    private double? _previousOpenInterest;
    private long _lastBarCloseTicks = long.MinValue;
    private long _lastUpdateTicks = long.MinValue;
    private long _lastRealizedEventTicks = long.MinValue;
    private long _horizonTicks;

    public LiquidationBook(string symbol, ModelOptions options)
    {
        var errors = options.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        Symbol = symbol;
        _options = options;
        var weightSum = options.Tiers.Sum(t => t.Weight);
        _tiers = options.Tiers.Select(t => t with { Weight = t.Weight / weightSum }).ToArray();
        _windows = TimeWindow.All.ToArray();
        _longest = _windows.Length - 1;
        _allSeries = _windows.Length * 2 * _tiers.Length;
        _grid = new BinGrid(_allSeries + 1);
        _windowStart = new long[_windows.Length];
        _heatmaps = _windows.Select(w => new HeatmapColumnBuffer(w, options.HeatmapColumns)).ToArray();
        _realized = new RealizedHistory(options.MaxRealizedPoints);
        _halfLifeTicks = _tiers.Select(t => (double)(t.HalfLife ?? options.HalfLife).Ticks).ToArray();
        _oneWeight = _halfLifeTicks.Distinct().Count() == 1 && options.AdverseCloseShare == 0;
        _weights = new double[2 * _tiers.Length];
    }

    public string Symbol { get; }

    public IReadOnlyList<LeverageTier> Tiers => _tiers;

    /// <summary>Price bin width in dollars; NaN until the first bar.</summary>
    public double BinSize { get; private set; } = double.NaN;

    /// <summary>The last known price; NaN until the first bar.</summary>
    public double Price { get; private set; } = double.NaN;

    /// <summary>When the book last changed (bar close or price tick); null before any data.</summary>
    public DateTimeOffset? LastUpdate => _lastUpdateTicks == long.MinValue ? null : new DateTimeOffset(_lastUpdateTicks, TimeSpan.Zero);

    public int BarCount { get; private set; }

    /// <summary>When the venue's live liquidation stream was down: realized liquidations of those spans are missing.</summary>
    public OutageLog Outages { get; } = new();

    /// <summary>Cohorts kept in memory (live, liquidated or aged out but not yet compacted).</summary>
    public long CohortCount => _nextId - _firstId;

    /// <summary>Applies closed bars in order; skips heatmap columns that the end of the history would drop anyway.</summary>
    public void ApplyHistory(ReadOnlySpan<Bar> bars)
    {
        if (bars.IsEmpty)
        {
            return;
        }

        _horizonTicks = bars[^1].CloseTime.UtcTicks;
        try
        {
            foreach (var bar in bars)
            {
                Apply(bar);
            }
        }
        finally
        {
            _horizonTicks = 0;
        }
    }

    /// <summary>
    /// Tells the book that bars will be applied up to <paramref name="end"/>: heatmap columns that end
    /// would drop are not captured (DateTimeOffset.MaxValue: a replay that never reads the heatmap).
    /// </summary>
    internal void ExpectHistoryUntil(DateTimeOffset end) => _horizonTicks = end.UtcTicks;

    /// <summary>Applies one closed bar. A bar that does not close after the last one is ignored.</summary>
    public BarOutcome Apply(in Bar bar)
    {
        if (BarCheck.Problem(bar) is { } problem)
        {
            throw new ArgumentException(problem, nameof(bar));
        }

        var closeTicks = bar.CloseTime.UtcTicks;
        if (closeTicks <= _lastBarCloseTicks)
        {
            return BarOutcome.Skipped(bar.CloseTime);
        }

        if (BarCount == 0)
        {
            BinSize = _options.BinSize ?? BinSizing.Auto(bar.Close);
            _epochTicks = closeTicks;
            ForgetWeights();
        }

        CloseHeatmapColumns(bar.OpenTime.UtcTicks);
        ExpireCohorts(closeTicks);
        var outcome = Consume(bar, closeTicks);
        ApplyOpenInterest(bar, closeTicks);
        RecordRealizedFromBar(bar);
        foreach (var heatmap in _heatmaps)
        {
            heatmap.AddBar(bar.OpenTime.UtcTicks, closeTicks, bar.High, bar.Low, bar.Close);
        }

        Price = bar.Close;
        _lastBarCloseTicks = closeTicks;
        Outages.Trim(bar.CloseTime - TimeWindow.Longest.Span);
        _lastUpdateTicks = Math.Max(_lastUpdateTicks, closeTicks);
        BarCount++;
        RenormalizeIfTiny(closeTicks);
        CompactIfWorthIt();
        return outcome;
    }

    /// <summary>Records a liquidation the exchange reported, as a point for the heatmap and cascade alerts.</summary>
    public void Apply(in RealizedLiquidation liquidation)
    {
        _realized.Add(liquidation);
        _lastRealizedEventTicks = Math.Max(_lastRealizedEventTicks, liquidation.Time.UtcTicks);
    }

    /// <summary>Moves the displayed price between bar closes; levels are consumed only by closed bars.</summary>
    public void ObservePrice(DateTimeOffset time, double price)
    {
        if (!(price > 0) || double.IsInfinity(price) || time.UtcTicks < _lastUpdateTicks)
        {
            return;
        }

        Price = price;
        _lastUpdateTicks = time.UtcTicks;
    }

    /// <summary>Realized liquidations reported with Time in (from, to].</summary>
    public (double LongUsd, double ShortUsd) RealizedAfter(DateTimeOffset from, DateTimeOffset to) => _realized.SumAfter(from, to);

    /// <summary>What one stored dollar of a side and tier is worth at <paramref name="ticks"/> (decay and closing).</summary>
    private double WeightAt(long ticks, PositionSide side, int tier) => _scale[(int)side] * double.Exp2(-(ticks - _epochTicks) / _halfLifeTicks[tier]);

    /// <summary>
    /// Every side's and tier's weight at <paramref name="ticks"/>, indexed by <see cref="Slot"/>. One buffer,
    /// recomputed when the time or the scale changes: read it before the book changes again.
    /// </summary>
    private double[] WeightsAt(long ticks)
    {
        if (ticks != _weightsTicks)
        {
            for (var t = 0; t < _tiers.Length; t++)
            {
                _weights[Slot(PositionSide.Long, t)] = WeightAt(ticks, PositionSide.Long, t);
                _weights[Slot(PositionSide.Short, t)] = WeightAt(ticks, PositionSide.Short, t);
            }

            _weightsTicks = ticks;
        }

        return _weights;
    }

    /// <summary>Scale or epoch changed: the next WeightsAt recomputes.</summary>
    private void ForgetWeights() => _weightsTicks = long.MinValue;

    private int Slot(PositionSide side, int tier) => ((int)side * _tiers.Length) + tier;

    private int SeriesOf(int window, PositionSide side, int tier) => (((window * 2) + (int)side) * _tiers.Length) + tier;

    private int IndexOf(TimeWindow window)
    {
        var index = Array.IndexOf(_windows, window);
        return index >= 0 ? index : throw new ArgumentOutOfRangeException(nameof(window), window.Name, $"Unknown window; use one of {TimeWindow.Names}.");
    }

    private int BinOf(double price) => (int)Math.Floor(price / BinSize);

    private ref Cohort CohortAt(long id) => ref _cohorts[id - _firstId];
}
