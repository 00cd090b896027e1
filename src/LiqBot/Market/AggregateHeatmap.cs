using LiqBot.Engine.Model;

namespace LiqBot.Market;

/// <summary>
/// The sum of several venues' heatmaps: the first one's columns and price path, every venue's cells of the
/// same column start added on the widest venue's rows, every venue's realized liquidations as points and
/// every venue's outages (each names its venue).
/// </summary>
internal static class AggregateHeatmap
{
    public static HeatmapSnapshot Sum(IReadOnlyList<HeatmapSnapshot> maps, string source)
    {
        var filled = maps.Where(m => !m.IsEmpty).ToList();
        if (filled.Count <= 1)
        {
            var only = filled.Count == 1 ? filled[0] : maps[0];
            return only with { Source = source, Realized = maps.SelectMany(m => m.Realized).OrderBy(r => r.Time).ToList(), Outages = Outages(maps) };
        }

        var first = filled[0];
        var binSize = filled.Max(m => m.BinSize);
        var low = Math.Floor(filled.Min(m => m.PriceLow) / binSize);
        var rows = (int)(Math.Floor(filled.Max(m => m.PriceHigh - (m.BinSize / 2)) / binSize) - low) + 1;
        var byStart = filled.Skip(1).Select(m => m.Columns.ToDictionary(c => c.Start)).ToList();
        var columns = new List<HeatmapColumn>(first.Columns.Count);
        foreach (var column in first.Columns)
        {
            var cells = new float[rows];
            Add(cells, column, first, binSize, low);
            for (var i = 0; i < byStart.Count; i++)
            {
                if (byStart[i].TryGetValue(column.Start, out var other))
                {
                    Add(cells, other, filled[i + 1], binSize, low);
                }
            }

            columns.Add(column with { Cells = cells });
        }

        var realized = filled.SelectMany(m => m.Realized).OrderBy(r => r.Time).ToList();
        return new HeatmapSnapshot(first.Symbol, first.Window, first.From, first.To, low * binSize, binSize, rows, columns, realized, source, Outages(maps));
    }

    private static List<FeedOutage> Outages(IReadOnlyList<HeatmapSnapshot> maps) => maps.SelectMany(m => m.Gaps).OrderBy(o => o.From).ToList();

    private static void Add(float[] cells, HeatmapColumn column, HeatmapSnapshot map, double binSize, double low)
    {
        for (var r = 0; r < column.Cells.Length; r++)
        {
            var target = (int)(Math.Floor((map.PriceLow + ((r + 0.5) * map.BinSize)) / binSize) - low);
            if (target >= 0 && target < cells.Length)
            {
                cells[target] += column.Cells[r];
            }
        }
    }
}
