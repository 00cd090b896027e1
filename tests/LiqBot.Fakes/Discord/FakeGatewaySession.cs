namespace LiqBot.Fakes.Discord;

/// <summary>A gateway session: its dispatched events (for replay on Resume) and the connection it lives on, if any.</summary>
internal sealed class FakeGatewaySession(string id)
{
    public string Id { get; } = id;

    /// <summary>Held while dispatching or replaying, so events reach the bot in sequence order.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public List<(long Sequence, string Json)> Events { get; } = [];

    public long Sequence { get; set; }

    public FakeGatewayConnection? Connection { get; set; }
}
