namespace LiqBot.Exchanges;

/// <summary>Lets one price through per interval: alerts need the price between bars, not every trade.</summary>
internal sealed class PriceThinning(TimeSpan? interval = null)
{
    private readonly long _intervalTicks = (interval ?? TimeSpan.FromSeconds(1)).Ticks;
    private long _lastTicks = long.MinValue / 2;

    public bool Admit(DateTimeOffset time)
    {
        if (time.UtcTicks - _lastTicks < _intervalTicks)
        {
            return false;
        }

        _lastTicks = time.UtcTicks;
        return true;
    }
}
