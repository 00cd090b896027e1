namespace LiqBot.Exchanges;

/// <summary>Thread-safe counters of a feed: frames received, frames skipped as malformed or unknown, reconnects.</summary>
public sealed class FeedCounters
{
    private long _frames;
    private long _malformed;
    private long _unknown;
    private long _reconnects;
    private long _duplicateBars;

    public long Frames => Interlocked.Read(ref _frames);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long Unknown => Interlocked.Read(ref _unknown);

    public long Reconnects => Interlocked.Read(ref _reconnects);

    /// <summary>Bars dropped because a bar with the same or a later open time was already emitted.</summary>
    public long DuplicateBars => Interlocked.Read(ref _duplicateBars);

    internal void Frame() => Interlocked.Increment(ref _frames);

    internal void MalformedFrame() => Interlocked.Increment(ref _malformed);

    internal void UnknownFrame() => Interlocked.Increment(ref _unknown);

    /// <summary>Counts a frame a decoder skipped as malformed or unknown; other kinds are not skips.</summary>
    internal void Skipped(FrameKind kind)
    {
        if (kind == FrameKind.Malformed)
        {
            MalformedFrame();
        }
        else if (kind == FrameKind.Unknown)
        {
            UnknownFrame();
        }
    }

    internal void Reconnect() => Interlocked.Increment(ref _reconnects);

    internal void DuplicateBar() => Interlocked.Increment(ref _duplicateBars);
}
