namespace LiqBot.Chat.Discord;

/// <summary>What a Resume needs: the session id, where to resume, and the last sequence number received.</summary>
internal sealed class GatewaySession
{
    private long _sequence = -1;

    public string? SessionId { get; private set; }

    public Uri? ResumeUrl { get; private set; }

    public bool CanResume => SessionId is not null && ResumeUrl is not null;

    /// <summary>The last dispatch's s, or null before any (read by the heartbeat on another thread).</summary>
    public long? Sequence => Interlocked.Read(ref _sequence) is var s && s >= 0 ? s : null;

    public void Observe(long sequence) => Interlocked.Exchange(ref _sequence, sequence);

    public void Start(string sessionId, Uri resumeUrl)
    {
        SessionId = sessionId;
        ResumeUrl = resumeUrl;
    }

    public void Clear()
    {
        SessionId = null;
        ResumeUrl = null;
        Interlocked.Exchange(ref _sequence, -1);
    }
}
