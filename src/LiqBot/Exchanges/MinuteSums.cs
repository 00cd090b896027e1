namespace LiqBot.Exchanges;

/// <summary>Two running sums per minute (taker buy and sell, or long and short liquidations) until the minute's bar takes them.</summary>
internal sealed class MinuteSums
{
    private readonly Dictionary<DateTimeOffset, (double First, double Second)> _sums = [];

    public void Add(DateTimeOffset time, bool first, double amount)
    {
        var minute = TimeGrid.Floor(time, TimeGrid.Minute);
        var (a, b) = _sums.GetValueOrDefault(minute);
        _sums[minute] = first ? (a + amount, b) : (a, b + amount);
    }

    /// <summary>The minute's sums, forgotten with every earlier minute.</summary>
    public (double First, double Second) Take(DateTimeOffset minute)
    {
        var taken = _sums.GetValueOrDefault(minute);
        // Removing while enumerating is allowed for Dictionary (since .NET Core 3.0) and allocates no key list.
        foreach (var key in _sums.Keys)
        {
            if (key <= minute)
            {
                _sums.Remove(key);
            }
        }

        return taken;
    }
}
