using LiqBot.Engine.Market;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// The shifted-OI null: the same bars with the open-interest series circularly shifted by
/// k x n / copies bars (price and liquidations untouched). A map that carries position information
/// should score better on the real series than on most of its shifted copies; a map that only
/// remembers price does as well on every copy.
/// </summary>
public static class ShiftedOpenInterest
{
    /// <summary>Bar i gets the open interest of bar (i + k x n / copies) mod n.</summary>
    public static Bar[] Shift(IReadOnlyList<Bar> bars, int k, int copies)
    {
        var offset = (int)((long)k * bars.Count / copies);
        var shifted = new Bar[bars.Count];
        for (var i = 0; i < bars.Count; i++)
        {
            shifted[i] = bars[i] with { OpenInterestUsd = bars[(i + offset) % bars.Count].OpenInterestUsd };
        }

        return shifted;
    }

    /// <summary>
    /// Where the real score ranks among itself and the null scores, 1 = best; a null copy that ties
    /// the real score ranks above it (the conservative side). A NaN score beats nothing.
    /// </summary>
    public static int Rank(double real, IReadOnlyList<double> nullScores) =>
        double.IsNaN(real) ? nullScores.Count + 1 : 1 + nullScores.Count(s => s >= real);
}
