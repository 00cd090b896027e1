using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Zones;

/// <summary>
/// A book re-binned for zone finding: bins of a round width near ResolutionPct of price, only the
/// bins on each side's own side of price and within MaxDistancePct of it.
/// </summary>
internal sealed class ZoneLadder
{
    private ZoneLadder(double step, int firstBin, double[] longs, double[] shorts)
    {
        Step = step;
        FirstBin = firstBin;
        Long = longs;
        Short = shorts;
    }

    public double Step { get; }

    public int FirstBin { get; }

    public double[] Long { get; }

    public double[] Short { get; }

    public double Low(int index) => (FirstBin + index) * Step;

    public static ZoneLadder From(BookSnapshot book, ZoneOptions options)
    {
        var step = StepFor(book, options);
        var firstBin = (int)Math.Floor(book.FirstBinLow / step);
        var lastBin = (int)Math.Floor(book.BinLow(book.BinCount - 1) / step);
        var longs = new double[lastBin - firstBin + 1];
        var shorts = new double[longs.Length];
        var reach = book.Price * options.MaxDistancePct / 100.0;
        for (var i = 0; i < book.BinCount; i++)
        {
            var mid = book.BinMid(i);
            if (Math.Abs(mid - book.Price) > reach)
            {
                continue;
            }

            var target = mid < book.Price ? longs : shorts;
            var side = mid < book.Price ? PositionSide.Long : PositionSide.Short;
            target[(int)Math.Floor(book.BinLow(i) / step) - firstBin] += book.Total(side, i);
        }

        return new ZoneLadder(step, firstBin, longs, shorts);
    }

    /// <summary>The zone bin width for a book: a whole number of book bins near ResolutionPct of price.</summary>
    public static double StepFor(BookSnapshot book, ZoneOptions options)
    {
        var wanted = BinSizing.Auto(book.Price) * options.ResolutionPct / 0.1;
        var multiple = Math.Max(1, Math.Round(wanted / book.BinSize));
        return book.BinSize * multiple;
    }
}
