using LiqBot.Engine.Model;
using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public sealed class ChatSettingsParserTests
{
    private static readonly ChatSettings Defaults = ChatSettings.Default;

    [Theory]
    [InlineData("proximity_pct 0.8")]
    [InlineData("proximity_pct 0.8%")]
    [InlineData("PROXIMITY_PCT   0.8 ")]
    public void TryApply_ValidProximity_SetsOnlyThatValue(string input)
    {
        Assert.True(ChatSettingsParser.TryApply(Defaults, input, out var updated, out _));

        Assert.Equal(Defaults with { ProximityPct = 0.8 }, updated);
    }

    [Theory]
    [InlineData("min_zone_usd 50M", 50_000_000.0)]
    [InlineData("min_zone_usd $1.5b", 1_500_000_000.0)]
    [InlineData("min_zone_usd 2,500,000", 2_500_000.0)]
    [InlineData("min_zone_usd 250k", 250_000.0)]
    public void TryApply_DollarAmounts_AcceptTraderNotation(string input, double expected)
    {
        Assert.True(ChatSettingsParser.TryApply(Defaults, input, out var updated, out _));

        Assert.Equal(expected, updated.MinZoneUsd);
    }

    [Fact]
    public void TryApply_EveryKey_ChangesItsValue()
    {
        var settings = Defaults;
        foreach (var input in new[] { "cooldown 1h30m", "cascade_usd 40m", "cascade_window 15m", "window 7d", "summary every 6h" })
        {
            Assert.True(ChatSettingsParser.TryApply(settings, input, out var updated, out var error), error);
            settings = updated;
        }

        Assert.Equal(TimeSpan.FromMinutes(90), settings.Cooldown);
        Assert.Equal(40_000_000, settings.CascadeUsd);
        Assert.Equal(TimeSpan.FromMinutes(15), settings.CascadeWindow);
        Assert.Equal(TimeWindow.D7, settings.Window);
        Assert.Equal(TimeSpan.FromHours(6), settings.Summary?.Interval);
    }

    [Theory]
    [InlineData("proximity_pct 12", "proximity_pct must be a percentage from 0.05 to 10")]
    [InlineData("proximity_pct 0", "from 0.05 to 10")]
    [InlineData("proximity_pct -1", "from 0.05 to 10")]
    [InlineData("proximity_pct abc", "from 0.05 to 10")]
    [InlineData("proximity_pct NaN", "from 0.05 to 10")]
    [InlineData("min_zone_usd 10", "min_zone_usd must be a dollar amount from $100k to $100B")]
    [InlineData("min_zone_usd 1e300", "from $100k to $100B")]
    [InlineData("cascade_usd 50", "cascade_usd must be a dollar amount from $100k to $10B")]
    [InlineData("cooldown 10s", "cooldown must be a duration from 1m to 1d")]
    [InlineData("cooldown 2d", "from 1m to 1d")]
    [InlineData("cooldown soon", "from 1m to 1d")]
    [InlineData("cascade_window 0m", "cascade_window must be a duration from 1m to 1d")]
    [InlineData("window 2h", "window must be one of 12h, 24h, 3d, 7d, 30d")]
    [InlineData("summary every 5m", "summary interval must be from 15m to 7d")]
    [InlineData("summary * * * * *", "at most every 15m")]
    [InlineData("summary 0 99 * * *", "summary cron: hour 99 is not in 0-23")]
    [InlineData("summary 61 8 * * *", "summary cron: minute 61 is not in 0-59")]
    [InlineData("summary 0 8 32 * *", "summary cron: day of month 32 is not in 1-31")]
    [InlineData("summary 0 8 * 13 *", "summary cron: month 13 is not in 1-12")]
    [InlineData("summary 0 */0 * * *", "summary cron: hour step 0 is not in 1-23")]
    [InlineData("summary 0 0 25 ? * MON", "summary cron: hour 25 is not in 0-23")]
    [InlineData("summary now please", "'off', 'every <duration>' (15m to 7d), or a cron expression")]
    [InlineData("colour blue", "Unknown setting. Keys: proximity_pct, min_zone_usd, cooldown, cascade_usd, cascade_window, window, summary")]
    [InlineData("proximity_pct", "Usage: /config <key> <value>")]
    [InlineData("", "Usage: /config <key> <value>")]
    public void TryApply_BadInput_ExplainsTheAllowedValues(string input, string expected)
    {
        Assert.False(ChatSettingsParser.TryApply(Defaults, input, out var updated, out var error));

        Assert.Null(updated);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryApply_OverlongInput_IsRefusedBeforeParsing()
    {
        Assert.False(ChatSettingsParser.TryApply(Defaults, "summary " + new string('1', 500), out _, out var error));

        Assert.Contains("too long", error);
    }

    [Theory]
    [InlineData("summary 0 8 * * 1-5", "0 0 8 ? * MON-FRI")]
    [InlineData("summary 0 */4 * * *", "0 0 */4 * * ?")]
    [InlineData("summary 0 0 8 ? * SUN", "0 0 8 ? * SUN")]
    public void TryApply_CronSummary_IsStoredInQuartzForm(string input, string expectedCron)
    {
        Assert.True(ChatSettingsParser.TryApply(Defaults, input, out var updated, out var error), error);

        Assert.Equal(expectedCron, updated.Summary?.CronExpression);
        Assert.Equal(updated.Summary, SummaryScheduleText.FromStored(updated.Summary?.Text));
    }

    [Fact]
    public void TryApply_SummaryOff_ClearsTheSchedule()
    {
        var scheduled = Defaults with { Summary = SummarySchedule.Every(TimeSpan.FromHours(4)) };

        Assert.True(ChatSettingsParser.TryApply(scheduled, "summary off", out var updated, out _));

        Assert.Null(updated.Summary);
    }

    [Fact]
    public void Describe_ListsEveryKeyWithItsValue()
    {
        var described = ChatSettingsParser.Describe(Defaults);

        Assert.Equal(ChatSettingKeys.All, described.Select(pair => pair.Key));
        Assert.Equal(
            ["0.5", "$25M", "30m", "$16M", "30m", "24h", "off"],
            described.Select(pair => pair.Value));
    }

    [Fact]
    public void Defaults_LieWithinTheirRanges()
    {
        Assert.True(ChatSettingKeys.ProximityPctRange.Contains(Defaults.ProximityPct));
        Assert.True(ChatSettingKeys.MinZoneUsdRange.Contains(Defaults.MinZoneUsd));
        Assert.True(ChatSettingKeys.CooldownRange.Contains(Defaults.Cooldown));
        Assert.True(ChatSettingKeys.CascadeUsdRange.Contains(Defaults.CascadeUsd));
        Assert.True(ChatSettingKeys.CascadeWindowRange.Contains(Defaults.CascadeWindow));
    }
}
