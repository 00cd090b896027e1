using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

/// <summary>The stores of one "process": everything over one opened database.</summary>
internal sealed record StoreInstance(StorageDatabase Database)
{
    public ISubscriptionStore Subscriptions { get; } = new SqlSubscriptionStore(Database);

    public IOutbox Outbox { get; } = new SqlOutbox(Database);

    public ISummaryLog Summaries { get; } = new SqlSummaryLog(Database);
}
