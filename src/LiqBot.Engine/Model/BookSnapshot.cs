using System.Diagnostics.CodeAnalysis;
using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>
/// The estimated liquidation notional by price bin, side and leverage tier, for one window at one
/// instant. Bin i covers [FirstBinLow + i x BinSize, FirstBinLow + (i + 1) x BinSize).
/// LongByTier[t][i] is long notional (liquidated when price falls to the bin), ShortByTier likewise.
/// An empty book (no market data yet) has BinCount 0 and Price NaN.
/// </summary>
[SuppressMessage("Performance", "CA1819:Properties should not return arrays", Justification = "A snapshot is immutable by convention and hands its per-tier arrays to the renderer's loops; copies would cost a map's worth of memory per reply.")]
public sealed record BookSnapshot(
    string Symbol,
    DateTimeOffset At,
    double Price,
    TimeWindow Window,
    double BinSize,
    double FirstBinLow,
    IReadOnlyList<LeverageTier> Tiers,
    double[][] LongByTier,
    double[][] ShortByTier,
    string Source)
{
    public int BinCount => LongByTier.Length == 0 ? 0 : LongByTier[0].Length;

    public bool IsEmpty => BinCount == 0 || double.IsNaN(Price);

    public double BinLow(int bin) => FirstBinLow + (bin * BinSize);

    public double BinMid(int bin) => FirstBinLow + ((bin + 0.5) * BinSize);

    public double Total(PositionSide side, int bin)
    {
        var byTier = side == PositionSide.Long ? LongByTier : ShortByTier;
        var sum = 0.0;
        foreach (var tier in byTier)
        {
            sum += tier[bin];
        }

        return sum;
    }

    /// <summary>Per-bin totals over all tiers for one side.</summary>
    public double[] Totals(PositionSide side)
    {
        var totals = new double[BinCount];
        for (var i = 0; i < totals.Length; i++)
        {
            totals[i] = Total(side, i);
        }

        return totals;
    }

    public static BookSnapshot Empty(string symbol, DateTimeOffset at, TimeWindow window, IReadOnlyList<LeverageTier> tiers, string source) =>
        new(symbol, at, double.NaN, window, 0, 0, tiers, [], [], source);
}
