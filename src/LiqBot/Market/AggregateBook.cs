using LiqBot.Engine.Model;

namespace LiqBot.Market;

/// <summary>
/// The sum of several venues' maps on one price grid: the widest venue bin, each venue's bin added to the
/// grid bin holding its middle. Each venue's book stays its own (its OI opened at its prices, consumed by
/// its price path); only the view is summed. Price and time are the first book's.
/// </summary>
internal static class AggregateBook
{
    public static BookSnapshot Sum(IReadOnlyList<BookSnapshot> books, string source)
    {
        var filled = books.Where(b => !b.IsEmpty).ToList();
        if (filled.Count <= 1)
        {
            return (filled.Count == 1 ? filled[0] : books[0]) with { Source = source };
        }

        var first = filled[0];
        var binSize = filled.Max(b => b.BinSize);
        var low = Math.Floor(filled.Min(b => b.FirstBinLow) / binSize);
        var high = Math.Floor(filled.Max(b => b.BinMid(b.BinCount - 1)) / binSize);
        var count = (int)(high - low) + 1;
        var longs = first.Tiers.Select(_ => new double[count]).ToArray();
        var shorts = first.Tiers.Select(_ => new double[count]).ToArray();
        foreach (var book in filled)
        {
            for (var bin = 0; bin < book.BinCount; bin++)
            {
                var target = (int)(Math.Floor(book.BinMid(bin) / binSize) - low);
                for (var t = 0; t < longs.Length && t < book.LongByTier.Length; t++)
                {
                    longs[t][target] += book.LongByTier[t][bin];
                    shorts[t][target] += book.ShortByTier[t][bin];
                }
            }
        }

        return new BookSnapshot(first.Symbol, filled.Max(b => b.At), first.Price, first.Window, binSize, low * binSize, first.Tiers, longs, shorts, source);
    }
}
