using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;
using LiqBot.Resilience;

namespace LiqBot.Exchanges;

/// <summary>
/// What the engine is fed from: the source's records through <see cref="MarketRecordFilter"/>, and a
/// stream that never dies of a failing source. A live source that throws or ends is started again as a
/// fresh stream (new connection, resubscribe, gap backfill) after an exponential backoff with jitter,
/// while <see cref="Status"/> says since when data is unavailable and why. A replay that fails ends.
/// </summary>
public sealed partial class SupervisedMarketSource(
    IMarketSource inner,
    MarketRecordFilter filter,
    TimeSpan restartBaseDelay,
    TimeSpan restartMaxDelay,
    TimeProvider time,
    ILogger<SupervisedMarketSource> logger,
    Random? random = null) : IMarketSource
{
    private readonly Random _random = random ?? new Jitter();
    private volatile FeedStatus? _failure;
    private long _restarts;

    public IMarketSource Inner => inner;

    public MarketRecordFilter Filter => filter;

    /// <summary>The source's own status, unless its stream failed and is being restarted.</summary>
    public FeedStatus Status => _failure ?? inner.Status;

    public FeedCounters? Counters => inner.Counters;

    public bool IsFinite => inner.IsFinite;

    /// <summary>Fresh streams started after a failure.</summary>
    public long Restarts => Interlocked.Read(ref _restarts);

    public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var attempt = 0;
        while (!cancellationToken.IsCancellationRequested)
        {
            var stream = inner.StreamAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
            Exception? failure;
            try
            {
                while (true)
                {
                    (var more, failure) = await NextAsync(stream, cancellationToken);
                    if (!more)
                    {
                        break;
                    }

                    attempt = 0;
                    _failure = null;
                    if (filter.Admit(stream.Current))
                    {
                        yield return stream.Current;
                    }
                }
            }
            finally
            {
                await DisposeQuietlyAsync(stream);
            }

            if (cancellationToken.IsCancellationRequested || (failure is null && inner.IsFinite))
            {
                yield break;
            }

            var reason = failure?.Message ?? "the stream ended";
            if (inner.IsFinite)
            {
                _failure = new FeedStatus(FeedState.Ended, time.GetUtcNow(), $"replay failed: {reason}");
                LogReplayFailed(reason);
                LogFailureDetail(failure);
                yield break;
            }

            inner.Counters?.StreamLost(time.GetUtcNow(), $"feed failed: {reason}");
            var delay = Backoff.Delay(attempt++, restartBaseDelay, restartMaxDelay, _random);
            _failure = new FeedStatus(FeedState.Unavailable, _failure?.Since ?? time.GetUtcNow(), $"feed failed: {reason}; restarting");
            LogRestarting(reason, delay);
            LogFailureDetail(failure);
            await Task.Delay(delay, time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            Interlocked.Increment(ref _restarts);
        }
    }

    private static async Task<(bool More, Exception? Failure)> NextAsync(IAsyncEnumerator<MarketEvent> stream, CancellationToken cancellationToken)
    {
        try
        {
            return (await stream.MoveNextAsync(), null);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return (false, null);
        }
        catch (Exception e)
        {
            return (false, e);
        }
    }

    private async Task DisposeQuietlyAsync(IAsyncEnumerator<MarketEvent> stream)
    {
        try
        {
            await stream.DisposeAsync();
        }
        catch (Exception e)
        {
            // A stream that failed may fail again while closing; the restart builds a new one anyway.
            LogDisposeFailed(e);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Market feed failed ({Reason}); starting a fresh stream in {Delay}")]
    private partial void LogRestarting(string reason, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay failed ({Reason}); the map keeps what was read")]
    private partial void LogReplayFailed(string reason);

    // The trace is for developers: Debug only, never on a user's screen.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Market feed failure detail")]
    private partial void LogFailureDetail(Exception? exception);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing a failed market stream failed too")]
    private partial void LogDisposeFailed(Exception exception);
}
