namespace LiqBot.Chat.Discord;

/// <summary>Exponential backoff with full jitter between reconnects; reset once a session is up.</summary>
internal sealed class ReconnectBackoff(TimeSpan initial, TimeSpan max)
{
    private int _failures;

    public void Reset() => _failures = 0;

    public TimeSpan Next()
    {
        var ceiling = Math.Min(max.TotalMilliseconds, initial.TotalMilliseconds * Math.Pow(2, Math.Min(_failures, 20)));
        _failures++;
        return TimeSpan.FromMilliseconds(ceiling * (0.5 + (Random.Shared.NextDouble() / 2)));
    }
}
