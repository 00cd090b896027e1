namespace LiqBot.Tests.Exchanges.Bybit;

/// <summary>Real timers, but "now" is moved by a fixed offset: a restart some hours later.</summary>
internal sealed class ShiftedTimeProvider(TimeSpan offset) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + offset;
}
