namespace LiqBot.Storage;

/// <summary>The last summary posted to each chat for each symbol.</summary>
internal interface ISummaryLog
{
    Task<SummaryRecord?> GetLastAsync(ChatAddress chat, string symbol, CancellationToken cancellationToken);

    /// <summary>Replaces the chat's last summary for the record's symbol.</summary>
    Task RecordAsync(SummaryRecord summary, CancellationToken cancellationToken);
}
