namespace LiqBot.Engine.Alerts;

/// <summary>
/// Subscribers with the same thresholds see the same alerts at the same moments, so their rule
/// state is kept once per group, under an id that stays the same while the thresholds do.
/// </summary>
internal sealed class ThresholdGroup(int id, AlertThresholds thresholds)
{
    public int Id { get; } = id;

    public AlertThresholds Thresholds { get; } = thresholds;

    public List<long> Members { get; } = [];

    /// <summary>Groups the subscribers of <paramref name="kind"/> by identical thresholds, widest proximity first.</summary>
    public static ThresholdGroup[] Of(IEnumerable<AlertSubscriber> subscribers, AlertKinds kind, Func<AlertThresholds, int> idOf)
    {
        var groups = new Dictionary<AlertThresholds, ThresholdGroup>();
        foreach (var subscriber in subscribers.Where(s => s.Kinds.HasFlag(kind)))
        {
            if (!groups.TryGetValue(subscriber.Thresholds, out var group))
            {
                group = new ThresholdGroup(idOf(subscriber.Thresholds), subscriber.Thresholds);
                groups.Add(subscriber.Thresholds, group);
            }

            group.Members.Add(subscriber.Id);
        }

        return [.. groups.Values.OrderByDescending(g => g.Thresholds.ProximityPct)];
    }
}
