namespace LiqBot.Tests.Soak;

/// <summary>
/// What the chats received in one soak run: every delivery keyed by chat and message (Telegram: the text;
/// Discord: the nonce, which names chat and alert), how often each arrived, and what the fakes cut after accepting.
/// </summary>
internal sealed record SoakOutcome(
    IReadOnlyDictionary<(string Chat, string Message), int> Deliveries,
    IReadOnlySet<(string Chat, string Message)> CutAfterAccept,
    int Kills,
    IReadOnlyList<long> WorkingSetBytes,
    IReadOnlyDictionary<string, int> Faults)
{
    public IEnumerable<(string Chat, string Message)> Delivered => Deliveries.Keys;

    /// <summary>Deliveries beyond the first, on one platform.</summary>
    public int Duplicates(string platform) => Deliveries.Where(d => d.Key.Chat.StartsWith(platform, StringComparison.Ordinal)).Sum(d => d.Value - 1);

    /// <summary>Duplicates the platform cut after accepting: the sender could not know they were delivered.</summary>
    public int DuplicatesAfterCut(string platform) =>
        Deliveries.Where(d => d.Value > 1 && d.Key.Chat.StartsWith(platform, StringComparison.Ordinal) && CutAfterAccept.Contains(d.Key)).Sum(d => d.Value - 1);
}
