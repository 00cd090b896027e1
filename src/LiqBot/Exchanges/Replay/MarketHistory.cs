using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>Everything a data file holds for one symbol: closed bars in time order and streamed liquidations.</summary>
internal sealed record MarketHistory(string Symbol, IReadOnlyList<Bar> Bars, IReadOnlyList<RealizedLiquidation> Liquidations, string SourceName)
{
    public DateTimeOffset FirstClose => Bars[0].CloseTime;

    public DateTimeOffset LastClose => Bars[^1].CloseTime;

    /// <summary>The bars that had closed at <paramref name="at"/>.</summary>
    public ReadOnlySpan<Bar> BarsClosedBy(DateTimeOffset at)
    {
        var count = 0;
        while (count < Bars.Count && Bars[count].CloseTime <= at)
        {
            count++;
        }

        return Bars is Bar[] array ? array.AsSpan(0, count) : Bars.Take(count).ToArray();
    }
}
