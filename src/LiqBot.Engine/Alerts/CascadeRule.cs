namespace LiqBot.Engine.Alerts;

/// <summary>
/// Realized liquidations of CascadeUsd or more within CascadeWindow. Fires once, then re-arms when
/// the rolling sum falls under half the threshold and the cooldown has passed. The sum is over every
/// book watched, and the text says what each one reported, how much of its liquidations it can see and
/// whose stream was down within the window (its liquidations there are lost).
/// </summary>
internal sealed class CascadeRule(string symbol)
{
    private readonly Dictionary<int, (bool Armed, DateTimeOffset FiredAt)> _states = [];

    public void Evaluate(ThresholdGroup[] groups, DateTimeOffset now, Func<TimeSpan, (double Long, double Short)> realizedWithin, Func<TimeSpan, string> seenBy, List<Alert> alerts)
    {
        foreach (var group in groups)
        {
            var thresholds = group.Thresholds;
            var (longUsd, shortUsd) = realizedWithin(thresholds.CascadeWindow);
            var total = longUsd + shortUsd;
            var (armed, firedAt) = _states.TryGetValue(group.Id, out var state) ? state : (true, DateTimeOffset.MinValue);
            if (!armed && total < thresholds.CascadeUsd / 2 && now - firedAt >= thresholds.Cooldown)
            {
                armed = true;
            }

            if (armed && total >= thresholds.CascadeUsd)
            {
                _states[group.Id] = (false, now);
                var dedupe = $"cascade:{symbol}:{thresholds.CascadeUsd}:{thresholds.CascadeWindow.Ticks}:{now.UtcTicks / thresholds.CascadeWindow.Ticks}";
                alerts.Add(new Alert(symbol, AlertKinds.Cascade, now, dedupe, AlertText.Cascade(symbol, longUsd, shortUsd, thresholds.CascadeWindow, thresholds.CascadeUsd, now, seenBy(thresholds.CascadeWindow)), null, null, [.. group.Members]));
                continue;
            }

            _states[group.Id] = (armed, firedAt);
        }
    }
}
