namespace LiqBot.Fakes.Telegram;

/// <summary>
/// Telegram's flood control as the fake applies it: a message is refused with 429 and retry_after
/// when accepting it would put more than the limit in the last window, globally, in the chat, or
/// in the group (negative chat id). Refused messages do not count.
/// </summary>
internal sealed class FakeTelegramRateGate(FakeTelegramLimits limits, TimeProvider clock)
{
    private static readonly TimeSpan Second = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _global = new();
    private readonly Dictionary<long, Queue<DateTimeOffset>> _chats = [];
    private readonly Dictionary<long, Queue<DateTimeOffset>> _groups = [];

    /// <summary>Null if accepted (and counted); else the retry_after seconds to answer.</summary>
    public int? TryAccept(long chatId)
    {
        if (!limits.Enabled)
        {
            return null;
        }

        lock (_gate)
        {
            var now = clock.GetUtcNow();
            var chat = Window(_chats, chatId);
            var group = chatId < 0 ? Window(_groups, chatId) : null;
            var wait = TimeSpan.Zero;
            wait = Max(wait, WaitFor(_global, limits.GlobalPerSecond, Second, now));
            wait = Max(wait, WaitFor(chat, limits.PerChatPerSecond, Second, now));
            if (group is not null)
            {
                wait = Max(wait, WaitFor(group, limits.PerGroupPerMinute, Minute, now));
            }

            if (wait > TimeSpan.Zero)
            {
                return Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            }

            _global.Enqueue(now);
            chat.Enqueue(now);
            group?.Enqueue(now);
            return null;
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    private static Queue<DateTimeOffset> Window(Dictionary<long, Queue<DateTimeOffset>> windows, long chatId)
    {
        if (!windows.TryGetValue(chatId, out var window))
        {
            window = new Queue<DateTimeOffset>();
            windows[chatId] = window;
        }

        return window;
    }

    // The window is (now - span, now]: an acceptance exactly one span ago no longer counts.
    private static TimeSpan WaitFor(Queue<DateTimeOffset> accepted, int limit, TimeSpan span, DateTimeOffset now)
    {
        while (accepted.Count > 0 && accepted.Peek() <= now - span)
        {
            accepted.Dequeue();
        }

        return accepted.Count < limit ? TimeSpan.Zero : accepted.ElementAt(accepted.Count - limit) + span - now;
    }
}
