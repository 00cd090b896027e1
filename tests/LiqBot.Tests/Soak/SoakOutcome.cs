namespace LiqBot.Tests.Soak;

/// <summary>
/// What the chats received in one soak run: every delivery keyed by chat and message (the episode the alert
/// text names), how often each arrived, what the fakes cut after accepting, and, for Telegram, the order of
/// acceptance and how many had been accepted when each kill happened; with the bot's memory over the run.
/// </summary>
internal sealed record SoakOutcome(
    IReadOnlyDictionary<(string Chat, string Message), int> Deliveries,
    IReadOnlySet<(string Chat, string Message)> CutAfterAccept,
    IReadOnlyList<(string Chat, string Message)> TelegramOrder,
    IReadOnlyList<int> TelegramAcceptedAtKills,
    IReadOnlyList<MemorySample> Memory,
    IReadOnlyList<string> BotLog,
    IReadOnlyDictionary<string, int> Faults,
    IReadOnlyDictionary<string, int> VenueFaults)
{
    public IEnumerable<(string Chat, string Message)> Delivered => Deliveries.Keys;

    public int Kills => TelegramAcceptedAtKills.Count;

    /// <summary>Lines of the bots' logs (warnings and errors) that contain <paramref name="text"/>.</summary>
    public int Logged(string text) => BotLog.Count(line => line.Contains(text, StringComparison.Ordinal));

    /// <summary>Deliveries beyond the first, on one platform.</summary>
    public int Duplicates(string platform) => Deliveries.Where(d => d.Key.Chat.StartsWith(platform, StringComparison.Ordinal)).Sum(d => d.Value - 1);

    /// <summary>Duplicates the platform cut after accepting: the sender could not know they were delivered.</summary>
    public int DuplicatesAfterCut(string platform) =>
        Deliveries.Where(d => d.Value > 1 && d.Key.Chat.StartsWith(platform, StringComparison.Ordinal) && CutAfterAccept.Contains(d.Key)).Sum(d => d.Value - 1);

    /// <summary>
    /// Telegram duplicates (not cut by the fake) whose first copy was among the last <paramref name="window"/>
    /// acceptances around a kill: sends in flight when the process died, their answers lost with it.
    /// </summary>
    public int DuplicatesAtKill(int window) => TelegramDuplicatesNotCut().Count(first => TelegramAcceptedAtKills.Any(mark => Math.Abs(mark - first) <= window));

    /// <summary>Telegram duplicates (not cut by the fake) whose first copy was accepted well before any kill: a record that came too late.</summary>
    public int DuplicatesRecordedLate(int window) => TelegramDuplicatesNotCut().Count() - DuplicatesAtKill(window);

    // The position of each duplicate's first copy in acceptance order.
    private IEnumerable<int> TelegramDuplicatesNotCut() =>
        TelegramOrder.Select((key, index) => (key, index))
            .GroupBy(d => d.key)
            .Where(g => g.Count() > 1 && !CutAfterAccept.Contains(g.Key))
            .SelectMany(g => g.Skip(1).Select(_ => g.First().index));
}
