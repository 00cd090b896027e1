using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Engine.Backtest;

/// <summary>
/// Replays the bars through a book and reads, before each scored bar t, the notional the map put
/// where bar t traded: longs with a level in [low_t, close_t-1], shorts in [close_t-1, high_t].
/// </summary>
internal static class MapPredictions
{
    public static SideValues Replay(IReadOnlyList<Bar> bars, ModelOptions options, ScoringPlan plan)
    {
        var book = new LiquidationBook("BACKTEST", options);
        book.ExpectHistoryUntil(DateTimeOffset.MaxValue);
        var predicted = SideValues.Create(plan.Count);
        var row = 0;
        for (var i = 0; i < bars.Count; i++)
        {
            if (row < plan.Count && plan.BarIndex[row] == i)
            {
                var (bar, previousClose) = (bars[i], bars[i - 1].Close);
                predicted.Long[row] = book.NotionalBetween(PositionSide.Long, bar.Low, previousClose);
                predicted.Short[row] = book.NotionalBetween(PositionSide.Short, previousClose, bar.High);
                row++;
            }

            book.Apply(bars[i]);
        }

        return predicted;
    }
}
