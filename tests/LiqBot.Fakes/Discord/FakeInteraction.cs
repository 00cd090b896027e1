using System.Diagnostics;

namespace LiqBot.Fakes.Discord;

/// <summary>An interaction the fake dispatched, and what the bot did with it.</summary>
public sealed class FakeInteraction(string id, string token, string commandName)
{
    private readonly List<FakeMessageBody> _followUps = [];

    public string Id { get; } = id;

    public string Token { get; } = token;

    public string CommandName { get; } = commandName;

    public long CreatedAt { get; } = Stopwatch.GetTimestamp();

    /// <summary>When the initial response arrived; null until then.</summary>
    public long? AcknowledgedAt { get; private set; }

    /// <summary>The initial response's type (5 = deferred) and flags (64 = ephemeral).</summary>
    public int? ResponseType { get; private set; }

    public int ResponseFlags { get; private set; }

    /// <summary>True once the bot deleted the deferred "thinking..." message.</summary>
    public bool OriginalDeleted { get; private set; }

    /// <summary>
    /// Whether the user alone sees the first follow-up. As on Discord, a first follow-up after a
    /// deferral replaces the "thinking..." message and keeps the deferral's visibility, unless that
    /// message was deleted first.
    /// </summary>
    public bool? FirstFollowUpEphemeral { get; private set; }

    /// <summary>Callbacks refused because they came after the deadline.</summary>
    public int LateCallbacks { get; private set; }

    public TimeSpan? AcknowledgeLatency => AcknowledgedAt is { } at ? Stopwatch.GetElapsedTime(CreatedAt, at) : null;

    public IReadOnlyList<FakeMessageBody> FollowUps
    {
        get
        {
            lock (_followUps)
            {
                return [.. _followUps];
            }
        }
    }

    internal void Acknowledge(int type, int flags)
    {
        ResponseType = type;
        ResponseFlags = flags;
        AcknowledgedAt = Stopwatch.GetTimestamp();
    }

    internal void RefuseLate() => LateCallbacks++;

    internal void DeleteOriginal() => OriginalDeleted = true;

    internal void AddFollowUp(FakeMessageBody body)
    {
        lock (_followUps)
        {
            if (_followUps.Count == 0)
            {
                FirstFollowUpEphemeral = OriginalDeleted ? (body.Flags & 64) != 0 : (ResponseFlags & 64) != 0;
            }

            _followUps.Add(body);
        }
    }
}
