namespace LiqBot.Alerts;

/// <summary>Counts changes to subscriptions and settings, so the market worker reloads its alert subscribers when it moved.</summary>
internal sealed class SubscriptionChanges
{
    private long _version;

    public long Version => Interlocked.Read(ref _version);

    public void Notify() => Interlocked.Increment(ref _version);
}
