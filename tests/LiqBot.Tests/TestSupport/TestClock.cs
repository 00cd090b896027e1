using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Tests.TestSupport;

/// <summary>The moment test clocks start at, and a FakeTimeProvider set to it: time moves only when a test advances it.</summary>
internal static class TestClock
{
    public static DateTimeOffset Start { get; } = new(2026, 11, 21, 4, 0, 0, TimeSpan.Zero);

    public static FakeTimeProvider New() => new(Start);
}
