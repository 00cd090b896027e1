using Microsoft.Extensions.Options;
using LiqBot.Resilience;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Telegram's published limits, shared by everything that posts: a global rate with sends spread
/// evenly (a burst of a few at most), one rate per chat, a per-minute rate per group (negative
/// chat id), and a global pause after a 429. Timing comes from the TimeProvider only.
/// </summary>
internal sealed class TelegramRateLimiter
{
    private const int PruneEvery = 4096;
    private const int MaxBurst = 5;

    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TelegramOptions _options;
    private readonly SlidingWindowLimit _global;
    private readonly TimeSpan _spacing;
    private readonly TimeSpan _burstTolerance;
    private readonly Dictionary<long, SlidingWindowLimit> _chats = [];
    private readonly Dictionary<long, SlidingWindowLimit> _groups = [];
    // When the next send would be due if sends were spread exactly evenly (GCRA's theoretical arrival time).
    private DateTimeOffset _evenlyDue = DateTimeOffset.MinValue;
    private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;
    private TaskCompletionSource _changed = NewSignal();
    private int _startsSincePrune;

    public TelegramRateLimiter(IOptions<TelegramOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _global = new SlidingWindowLimit(_options.GlobalPerSecond, TimeSpan.FromSeconds(1));
        _spacing = TimeSpan.FromSeconds(1) / _options.GlobalPerSecond;
        _burstTolerance = _spacing * (Math.Min(MaxBurst, _options.GlobalPerSecond) - 1);
    }

    /// <summary>Completes the next time a send answers or a pause is set: a moment when a blocked send may become possible.</summary>
    public Task Changed
    {
        get
        {
            lock (_gate)
            {
                return _changed.Task;
            }
        }
    }

    /// <summary>Takes a place for a send to the chat if every limit allows it now.</summary>
    public TelegramRateDecision TryStart(long chatId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var globalWait = Max(_pausedUntil - now, _evenlyDue - now - _burstTolerance, _global.WaitFor(now));
            if (globalWait > TimeSpan.Zero)
            {
                return TelegramRateDecision.Blocked(globalWait, global: true);
            }

            var chat = Window(_chats, chatId, _options.PerChatPerSecond, TimeSpan.FromSeconds(1));
            var group = chatId < 0 ? Window(_groups, chatId, _options.PerGroupPerMinute, TimeSpan.FromMinutes(1)) : null;
            var chatWait = Max(chat.WaitFor(now), group?.WaitFor(now) ?? TimeSpan.Zero, TimeSpan.Zero);
            if (chatWait > TimeSpan.Zero)
            {
                return TelegramRateDecision.Blocked(chatWait, global: false);
            }

            _global.Start();
            chat.Start();
            group?.Start();
            _evenlyDue = (_evenlyDue > now ? _evenlyDue : now) + _spacing;
            if (++_startsSincePrune >= PruneEvery)
            {
                Prune(now);
            }

            return TelegramRateDecision.Started;
        }
    }

    /// <summary>Waits for a place (for command replies, which have no batch to return to).</summary>
    public async Task StartAsync(long chatId, CancellationToken cancellationToken)
    {
        while (true)
        {
            var changed = Changed;
            var decision = TryStart(chatId);
            if (decision.Allowed)
            {
                return;
            }

            await TelegramWaits.UntilAsync(decision.Wait, changed, _time, cancellationToken);
        }
    }

    /// <summary>The send to the chat got its answer (whatever it was): its place now expires one window from now.</summary>
    public void Answered(long chatId)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _global.Answered(now);
            _chats[chatId].Answered(now);
            if (chatId < 0)
            {
                _groups[chatId].Answered(now);
            }

            Signal();
        }
    }

    /// <summary>
    /// Counts sends recorded before this process started (or by a process whose work it takes over), oldest
    /// first, in the chats', groups' and global windows, so a restart does not break the limits its
    /// predecessor was using up. Seeding twice with the same history counts each send once.
    /// </summary>
    public void Seed(IReadOnlyList<(long ChatId, DateTimeOffset SentAt)> sends)
    {
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            _global.Seed([.. sends.Select(s => s.SentAt)], now);
            foreach (var chat in sends.GroupBy(s => s.ChatId))
            {
                var times = chat.Select(s => s.SentAt).ToList();
                Window(_chats, chat.Key, _options.PerChatPerSecond, TimeSpan.FromSeconds(1)).Seed(times, now);
                if (chat.Key < 0)
                {
                    Window(_groups, chat.Key, _options.PerGroupPerMinute, TimeSpan.FromMinutes(1)).Seed(times, now);
                }
            }

            Prune(now);
        }
    }

    /// <summary>How far back <see cref="Seed"/> needs to see: the longest window (a group's minute).</summary>
    public static TimeSpan SeedWindow { get; } = TimeSpan.FromMinutes(1);

    /// <summary>Telegram said 429 retry_after: nothing goes out until then.</summary>
    public void PauseAll(TimeSpan retryAfter)
    {
        lock (_gate)
        {
            var until = _time.GetUtcNow() + retryAfter;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }

            Signal();
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static TimeSpan Max(TimeSpan a, TimeSpan b, TimeSpan c) => a > b ? (a > c ? a : c) : (b > c ? b : c);

    private static SlidingWindowLimit Window(Dictionary<long, SlidingWindowLimit> windows, long chatId, int limit, TimeSpan window)
    {
        if (!windows.TryGetValue(chatId, out var limitOfChat))
        {
            limitOfChat = new SlidingWindowLimit(limit, window);
            windows[chatId] = limitOfChat;
        }

        return limitOfChat;
    }

    private void Signal()
    {
        var fired = _changed;
        _changed = NewSignal();
        fired.TrySetResult();
    }

    // Chats that have nothing in flight nor in their window would be created afresh the same; drop them so memory stays bounded.
    private void Prune(DateTimeOffset now)
    {
        _startsSincePrune = 0;
        foreach (var windows in new[] { _chats, _groups })
        {
            foreach (var idle in windows.Where(pair => pair.Value.IsIdle(now)).Select(pair => pair.Key).ToList())
            {
                windows.Remove(idle);
            }
        }
    }
}
