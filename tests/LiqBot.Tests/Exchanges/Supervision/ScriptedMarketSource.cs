using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;

namespace LiqBot.Tests.Exchanges.Supervision;

/// <summary>
/// A market source whose every stream plays the next script: its events, then a failure, or else an
/// end (a replay) or silence (a live source).
/// Counts the streams it was asked for, as a live source counts connections.
/// </summary>
internal sealed class ScriptedMarketSource(bool isFinite, params ScriptedMarketSource.Script[] scripts) : IMarketSource
{
    private int _streams;

    public FeedStatus Status { get; private set; } = new(FeedState.Connecting, DateTimeOffset.UnixEpoch);

    public FeedCounters? Counters => null;

    public bool IsFinite => isFinite;

    public int Streams => Volatile.Read(ref _streams);

    public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = Interlocked.Increment(ref _streams) - 1;
        if (index >= scripts.Length)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            yield break;
        }

        var script = scripts[index];
        foreach (var marketEvent in script.Events)
        {
            Status = new FeedStatus(FeedState.Live, marketEvent.Time);
            yield return marketEvent;
        }

        if (script.Failure is { } failure)
        {
            throw failure;
        }

        if (!isFinite)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken); // a live stream that is well goes on
        }
    }

    public sealed record Script(IReadOnlyList<MarketEvent> Events, Exception? Failure = null);
}
