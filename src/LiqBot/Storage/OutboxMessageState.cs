namespace LiqBot.Storage;

internal enum OutboxMessageState
{
    /// <summary>Waiting to be sent, or claimed by a sender whose lease has not run out.</summary>
    Pending,

    /// <summary>The chat accepted it; kept so the dedupe key keeps working.</summary>
    Sent,

    /// <summary>Given up (for example 403: the bot was removed); never retried.</summary>
    Failed,
}
