namespace LiqBot.Engine.Alerts;

/// <summary>
/// Subscribers with the same thresholds see the same alerts at the same moments, so their rule
/// state is kept once per group: a tick costs per group, not per chat.
/// </summary>
internal sealed class ThresholdGroup(int index, AlertThresholds thresholds)
{
    public int Index { get; } = index;

    public AlertThresholds Thresholds { get; } = thresholds;

    public List<long> Members { get; } = [];

    /// <summary>Groups the subscribers of <paramref name="kind"/> by identical thresholds, widest proximity first.</summary>
    public static ThresholdGroup[] Of(IEnumerable<AlertSubscriber> subscribers, AlertKinds kind)
    {
        var groups = new Dictionary<AlertThresholds, ThresholdGroup>();
        foreach (var subscriber in subscribers.Where(s => s.Kinds.HasFlag(kind)))
        {
            if (!groups.TryGetValue(subscriber.Thresholds, out var group))
            {
                group = new ThresholdGroup(groups.Count, subscriber.Thresholds);
                groups.Add(subscriber.Thresholds, group);
            }

            group.Members.Add(subscriber.Id);
        }

        return [.. groups.Values.OrderByDescending(g => g.Thresholds.ProximityPct)];
    }
}
