using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LiqBot.Engine.Market;
using LiqBot.Resilience;

namespace LiqBot.Exchanges;

/// <summary>
/// The live side every venue shares: sessions run one after another on a background task and write
/// into a bounded channel (waiting when full, so bars are never dropped); a failed or closed session is
/// followed by a new one after an exponential backoff with jitter, a planned one at once, while
/// <see cref="Status"/> says since when data is unavailable and why. Exchange trouble never reaches the consumer.
/// Every span without a live connection (from the last sign of life of the one that failed, or the end of one
/// closed cleanly or planned, until the next is live) is an outage in <see cref="FeedCounters.Outages"/>: the
/// realized liquidations of that span are lost. Before the first connection after a start is a start span.
/// </summary>
internal sealed partial class LiveFeed(
    string venue,
    IVenueSession session,
    TimeSpan reconnectBaseDelay,
    TimeSpan reconnectMaxDelay,
    int capacity,
    TimeProvider time,
    ILogger logger,
    Random? random = null,
    FeedCounters? counters = null)
{
    private readonly Random _random = random ?? new Jitter();
    private volatile FeedStatus _status = new(FeedState.Connecting, time.GetUtcNow(), "connecting");
    private int _streaming;
    private int _attempt;

    public FeedStatus Status => _status;

    /// <summary>Shared with the session, which counts frames.</summary>
    public FeedCounters Counters { get; } = counters ?? new();

    public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _streaming, 1) == 1)
        {
            throw new InvalidOperationException($"The {venue} source streams to one consumer at a time.");
        }

        var channel = Channel.CreateBounded<MarketEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = true,
        });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var run = Task.Run(() => RunAsync(channel.Writer, stop.Token), CancellationToken.None);
        try
        {
            await foreach (var e in channel.Reader.ReadAllAsync(cancellationToken))
            {
                yield return e;
            }
        }
        finally
        {
            await stop.CancelAsync();
            await run;
            Volatile.Write(ref _streaming, 0);
        }
    }

    private async Task RunAsync(ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        Counters.Connecting(time.GetUtcNow());
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                string reason;
                try
                {
                    if (await session.RunAsync(writer, SetLive, cancellationToken) == SessionEnd.Planned)
                    {
                        Counters.StreamEnded(time.GetUtcNow(), "planned reconnect");
                        Counters.Reconnect();
                        LogPlanned(venue);
                        continue;
                    }

                    reason = $"stream closed by {venue}";
                    Counters.StreamEnded(time.GetUtcNow(), reason);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (Exception e)
                {
                    reason = e.Message;
                    Counters.StreamLost(time.GetUtcNow(), reason);
                }

                var since = _status.State == FeedState.Live ? time.GetUtcNow() : _status.Since;
                _status = new FeedStatus(FeedState.Unavailable, since, reason);
                Counters.Reconnect();
                var delay = Backoff.Delay(_attempt++, reconnectBaseDelay, reconnectMaxDelay, _random);
                LogUnavailable(venue, reason, delay);
                await Task.Delay(delay, time, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        finally
        {
            writer.TryComplete();
        }
    }

    private void SetLive()
    {
        if (Counters.Outages.IsDown)
        {
            Counters.Outages.Up(time.GetUtcNow());
        }

        _attempt = 0;
        if (!_status.IsLive)
        {
            _status = new FeedStatus(FeedState.Live, time.GetUtcNow());
            LogLive(venue);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue} market data live")]
    private partial void LogLive(string venue);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue}: planned reconnect (the connection's lifetime, a venue notice, or symbols added or dropped)")]
    private partial void LogPlanned(string venue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} market data unavailable ({Reason}); reconnecting in {Delay}")]
    private partial void LogUnavailable(string venue, string reason, TimeSpan delay);
}
