namespace LiqBot.Fakes.Telegram;

/// <summary>A real timer whose due time and period are read on a <see cref="ScaledTimeProvider"/>'s clock.</summary>
internal sealed class ScaledTimer(ITimer inner, ScaledTimeProvider clock) : ITimer
{
    public bool Change(TimeSpan dueTime, TimeSpan period) => inner.Change(clock.ToReal(dueTime), clock.ToReal(period));

    public void Dispose() => inner.Dispose();

    public ValueTask DisposeAsync() => inner.DisposeAsync();
}
