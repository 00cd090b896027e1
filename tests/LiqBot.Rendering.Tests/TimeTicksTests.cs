using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class TimeTicksTests
{
    private static readonly DateTimeOffset To = new(2026, 11, 21, 4, 30, 0, TimeSpan.Zero);

    [Fact]
    public void Between_TwelveHours_LabelsHoursAndMidnightAsDate()
    {
        var ticks = TimeTicks.Between(To.AddHours(-12), To, 8);

        Assert.Equal(["18:00", "20:00", "22:00", "21 Nov", "02:00", "04:00"], ticks.Select(t => t.Label));
    }

    [Fact]
    public void Between_SevenDays_LabelsDaysInUtc()
    {
        var ticks = TimeTicks.Between(To.AddDays(-7), To, 10);

        Assert.Equal("15 Nov", ticks[0].Label);
        Assert.All(ticks, t => Assert.Equal(TimeSpan.Zero, t.Time.UtcDateTime.TimeOfDay));
    }
}
