using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>What the book answers: the map of a window, notional in a price range, the heatmap.</summary>
public sealed partial class LiquidationBook
{
    private const double HeatmapBand = 0.40;
    private const double HeatmapMargin = 0.12;
    private const int EmptyMapHalfWidthBins = 10;

    /// <summary>Estimated notional by bin, side and tier for cohorts opened within <paramref name="window"/>.</summary>
    public BookSnapshot Snapshot(TimeWindow window, string source = "")
    {
        var w = IndexOf(window);
        if (double.IsNaN(Price))
        {
            return BookSnapshot.Empty(Symbol, LastUpdate ?? DateTimeOffset.UnixEpoch, window, _tiers, source);
        }

        var weights = WeightsAt(_lastUpdateTicks);
        var (first, last) = OccupiedBins(w, weights);
        var longByTier = new double[_tiers.Length][];
        var shortByTier = new double[_tiers.Length][];
        for (var t = 0; t < _tiers.Length; t++)
        {
            longByTier[t] = Effective(SeriesOf(w, PositionSide.Long, t), first, last, weights[Slot(PositionSide.Long, t)]);
            shortByTier[t] = Effective(SeriesOf(w, PositionSide.Short, t), first, last, weights[Slot(PositionSide.Short, t)]);
        }

        return new BookSnapshot(Symbol, LastUpdate!.Value, Price, window, BinSize, first * BinSize, _tiers, longByTier, shortByTier, source);
    }

    /// <summary>Estimated notional of one side with a liquidation price in [low, high], edge bins pro rata.</summary>
    public double NotionalBetween(PositionSide side, double low, double high, TimeWindow? window = null)
    {
        if (double.IsNaN(BinSize) || !(high >= low))
        {
            return 0;
        }

        var w = window is { } chosen ? IndexOf(chosen) : _longest;
        var weights = WeightsAt(_lastUpdateTicks);
        var sum = 0.0;
        for (var bin = BinOf(low); bin <= BinOf(high); bin++)
        {
            var binLow = bin * BinSize;
            var overlap = (Math.Min(high, binLow + BinSize) - Math.Max(low, binLow)) / BinSize;
            if (overlap <= 0)
            {
                continue;
            }

            for (var t = 0; t < _tiers.Length; t++)
            {
                sum += Settled(_grid.Get(SeriesOf(w, side, t), bin) * weights[Slot(side, t)]) * overlap;
            }
        }

        return sum;
    }

    /// <summary>The heatmap of a window: remaining notional by column and price, the price path and realized points.</summary>
    public HeatmapSnapshot Heatmap(TimeWindow window, string source = "")
    {
        var buffer = _heatmaps[IndexOf(window)];
        var to = LastUpdate ?? DateTimeOffset.UnixEpoch;
        var fromTicks = to.UtcTicks - window.Span.Ticks;
        var columns = buffer.Columns(CaptureCells).Where(c => c.Span.EndTicks > fromTicks).ToList();
        if (columns.Count == 0)
        {
            return new HeatmapSnapshot(Symbol, window, to - window.Span, to, 0, double.IsNaN(BinSize) ? 0 : BinSize, 0, [], [], source, Outages.Within(to - window.Span, to));
        }

        // Rows cover the traded range plus a margin: within every column's captured band, so no row
        // shows "nothing" merely because it was never captured.
        var origin = Math.Max(columns.Min(c => c.OriginBin), BinOf(columns.Min(c => c.Span.Low) * (1 - HeatmapMargin)));
        var rows = Math.Min(columns.Max(c => c.OriginBin + c.Cells.Length), BinOf(columns.Max(c => c.Span.High) * (1 + HeatmapMargin)) + 1) - origin;
        var result = new List<HeatmapColumn>(columns.Count);
        foreach (var column in columns)
        {
            var cells = new float[rows];
            var firstRow = Math.Max(origin, column.OriginBin);
            var endRow = Math.Min(origin + rows, column.OriginBin + column.Cells.Length);
            if (endRow > firstRow)
            {
                Array.Copy(column.Cells, firstRow - column.OriginBin, cells, firstRow - origin, endRow - firstRow);
            }

            var span = column.Span;
            result.Add(new HeatmapColumn(new DateTimeOffset(span.StartTicks, TimeSpan.Zero), new DateTimeOffset(span.EndTicks, TimeSpan.Zero), span.High, span.Low, span.Close, cells));
        }

        var from = new DateTimeOffset(Math.Max(fromTicks, columns[0].Span.StartTicks), TimeSpan.Zero);
        return new HeatmapSnapshot(Symbol, window, from, to, origin * BinSize, BinSize, rows, result, _realized.Between(from, to), source, Outages.Within(from, to));
    }

    private void CloseHeatmapColumns(long barOpenTicks)
    {
        // Windows closing a column at the same bar see the same book: capture once, share the (read-only) cells.
        (int OriginBin, float[] Cells)? captured = null;
        foreach (var heatmap in _heatmaps)
        {
            if (!heatmap.EndsOpenColumn(barOpenTicks))
            {
                continue;
            }

            if (heatmap.OpenColumnSurvives(_horizonTicks))
            {
                var (origin, cells) = captured ??= CaptureCells(Price);
                heatmap.CloseOpenColumn(origin, cells);
            }
            else
            {
                heatmap.CloseOpenColumn(0, null);
            }
        }
    }

    /// <summary>All live notional, both sides, within +-40 % of <paramref name="price"/>, as of the last update.</summary>
    private (int OriginBin, float[] Cells) CaptureCells(double price)
    {
        var first = BinOf(price * (1 - HeatmapBand));
        var last = BinOf(price * (1 + HeatmapBand));
        var weights = WeightsAt(_lastUpdateTicks);
        if (_oneWeight)
        {
            // Every side and tier shares one weight: the kept sum of all series is the fast path.
            var cells = new float[last - first + 1];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = (float)Settled(_grid.Get(_allSeries, first + i) * weights[0]);
            }

            return (first, cells);
        }

        var values = new double[last - first + 1];
        var (from, to) = (Math.Max(first, _grid.Origin), Math.Min(last, _grid.Origin + _grid.Length - 1));
        for (var side = 0; side < 2 && from <= to; side++)
        {
            for (var t = 0; t < _tiers.Length; t++)
            {
                var weight = weights[Slot((PositionSide)side, t)];
                var series = _grid.Series(SeriesOf(_longest, (PositionSide)side, t)).Slice(from - _grid.Origin, to - from + 1);
                var target = values.AsSpan(from - first);
                for (var i = 0; i < series.Length; i++)
                {
                    target[i] += Settled(series[i] * weight);
                }
            }
        }

        return (first, Array.ConvertAll(values, v => (float)v));
    }

    private (int First, int Last) OccupiedBins(int window, double[] weights)
    {
        int first = int.MaxValue, last = int.MinValue;
        for (var side = 0; side < 2; side++)
        {
            for (var t = 0; t < _tiers.Length; t++)
            {
                var series = _grid.Series(SeriesOf(window, (PositionSide)side, t));
                for (var i = 0; i < series.Length; i++)
                {
                    if (Settled(series[i] * weights[Slot((PositionSide)side, t)]) > 0)
                    {
                        first = Math.Min(first, _grid.Origin + i);
                        last = Math.Max(last, _grid.Origin + i);
                    }
                }
            }
        }

        var priceBin = BinOf(Price);
        return first > last
            ? (priceBin - EmptyMapHalfWidthBins, priceBin + EmptyMapHalfWidthBins)
            : (Math.Min(first, priceBin), Math.Max(last, priceBin));
    }

    private double[] Effective(int series, int first, int last, double weight)
    {
        var values = new double[last - first + 1];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Settled(_grid.Get(series, first + i) * weight);
        }

        return values;
    }

    /// <summary>
    /// The one notion of an empty bin for every query: adding and subtracting cohorts leaves float
    /// crumbs (1e-15..1e-8 USD, either sign) in bins that hold nothing; below a cent a bin is empty,
    /// so rankings see ties at zero instead of ordering noise.
    /// </summary>
    private static double Settled(double effectiveUsd) => effectiveUsd > ResidueUsd ? effectiveUsd : 0;
}
