using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Replays a bar file (a CSV, or any <see cref="MarketHistory"/>) as market events: each bar at its
/// close, paced by bar time divided by the speed factor (no pacing when speed is null).
/// </summary>
internal sealed class BarFileReplaySource(MarketHistory history, double? speed, TimeProvider time) : ReplaySource(time)
{
    public override async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var pace = new ReplayPace(speed, Time);
        var liquidations = 0;
        foreach (var bar in history.Bars)
        {
            await pace.WaitUntilAsync(bar.CloseTime - history.FirstClose, cancellationToken);

            cancellationToken.ThrowIfCancellationRequested();
            for (; liquidations < history.Liquidations.Count && history.Liquidations[liquidations].Time <= bar.CloseTime; liquidations++)
            {
                yield return new LiquidationReported(history.Symbol, history.Liquidations[liquidations]);
            }

            LiveAt(bar.CloseTime);
            yield return new BarClosed(history.Symbol, bar);
        }

        Ended("end of replay", history.LastClose);
    }
}
