using System.Diagnostics.CodeAnalysis;
using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>
/// Remaining estimated notional by time and price for one window. Every column shares one price
/// grid: Cells[r] covers [PriceLow + r x BinSize, PriceLow + (r + 1) x BinSize), long and short together.
/// Prices holds the traded range of each column; Realized the liquidations the exchange reported;
/// Outages the spans in which a venue's liquidation stream was down, so its realized liquidations are missing there.
/// </summary>
public sealed record HeatmapSnapshot(
    string Symbol,
    TimeWindow Window,
    DateTimeOffset From,
    DateTimeOffset To,
    double PriceLow,
    double BinSize,
    int Rows,
    IReadOnlyList<HeatmapColumn> Columns,
    IReadOnlyList<RealizedLiquidation> Realized,
    string Source,
    IReadOnlyList<FeedOutage>? Outages = null)
{
    /// <summary>Outages with some part in the snapshot's span, oldest first (none when every stream stayed up).</summary>
    public IReadOnlyList<FeedOutage> Gaps => Outages ?? [];

    public bool IsEmpty => Columns.Count == 0 || Rows == 0;

    public double PriceHigh => PriceLow + (Rows * BinSize);
}

/// <summary>One time column: its span, its traded range and its cells (length = Rows of the snapshot).</summary>
[SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "A column is immutable by convention; its cells are read in the renderer's loops and copying 400 columns per reply would cost for nothing.")]
public sealed record HeatmapColumn(DateTimeOffset Start, DateTimeOffset End, double High, double Low, double Close, float[] Cells);
