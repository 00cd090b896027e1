using LiqBot.Engine.Alerts;
using LiqBot.Engine.Market;

namespace LiqBot.Engine.Tests.Alerts;

public sealed class ProximityRuleTests
{
    private static readonly AlertSubscriber Chat = new(1, AlertKinds.Proximity, AlertFixture.Thresholds);

    [Fact]
    public void Evaluate_PriceEntersZoneThreshold_RaisesOneAlert()
    {
        var (_, rules) = AlertFixture.Create(Chat);

        var alert = Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 91_000)); // 0.44 % above 90,600

        Assert.Equal(AlertKinds.Proximity, alert.Kind);
        Assert.Equal(PositionSide.Long, alert.Side);
        Assert.Equal([1L], alert.SubscriberIds);
        Assert.Equal("BTCUSDT proximity: price 91.0k is 0.44 % from the long zone 90.5k-90.6k ($100M est.). 2026-06-01 00:05 UTC", alert.Text);
    }

    [Fact]
    public void Evaluate_PriceOutsideThreshold_RaisesNothing()
    {
        var (_, rules) = AlertFixture.Create(Chat);

        Assert.Empty(rules.OnPrice(AlertFixture.Minute(5), 91_200)); // 0.66 %
    }

    [Fact]
    public void Evaluate_PriceHoversAtTheEdge_DoesNotSpam()
    {
        var (_, rules) = AlertFixture.Create(Chat);
        Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 91_000));

        for (var i = 0; i < 120; i++)
        {
            var hover = i % 2 == 0 ? 91_000 : 91_450; // 0.44 % and 0.93 %: never twice the threshold away
            Assert.Empty(rules.OnPrice(AlertFixture.Minute(6 + i), hover));
        }
    }

    [Fact]
    public void Evaluate_ReArmedButWithinCooldown_StaysQuietThenFiresAfterCooldown()
    {
        var (_, rules) = AlertFixture.Create(Chat);
        Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 91_000));

        Assert.Empty(rules.OnPrice(AlertFixture.Minute(10), 91_700)); // 1.2 %: re-armed
        Assert.Empty(rules.OnPrice(AlertFixture.Minute(30), 91_000)); // within the cooldown
        Assert.Empty(rules.OnPrice(AlertFixture.Minute(40), 91_700));

        var again = Assert.Single(rules.OnPrice(AlertFixture.Minute(66), 91_000));
        Assert.Equal(AlertFixture.Minute(66), again.Time);
    }

    [Fact]
    public void Evaluate_AfterCooldownWithoutMovingAway_StaysQuiet()
    {
        var (_, rules) = AlertFixture.Create(Chat);
        Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 91_000));

        Assert.Empty(rules.OnPrice(AlertFixture.Minute(200), 90_900));
    }

    [Fact]
    public void Evaluate_ZoneSmallerThanMinimum_IsIgnored()
    {
        var (_, rules) = AlertFixture.Create(Chat with { Thresholds = AlertFixture.Thresholds with { MinZoneUsd = 200_000_000 } });

        Assert.Empty(rules.OnPrice(AlertFixture.Minute(5), 91_000));
    }

    [Fact]
    public void Evaluate_SameThresholds_OneAlertForBothChats_OtherThresholdsSeparate()
    {
        var wide = AlertFixture.Thresholds with { ProximityPct = 1.0 };
        var (_, rules) = AlertFixture.Create(Chat, Chat with { Id = 2 }, new AlertSubscriber(3, AlertKinds.Proximity, wide), new AlertSubscriber(4, AlertKinds.Sweep, AlertFixture.Thresholds));

        var far = Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 91_300)); // 0.77 %: only the wide one
        Assert.Equal([3L], far.SubscriberIds);

        var near = Assert.Single(rules.OnPrice(AlertFixture.Minute(6), 91_000));
        Assert.Equal([1L, 2L], near.SubscriberIds);
    }

    [Fact]
    public void Evaluate_SubscribersChange_KeepsTheStateOfUnchangedThresholds()
    {
        var (_, rules) = AlertFixture.Create(Chat);
        Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 91_000));

        rules.SetSubscribers([Chat, Chat with { Id = 2 }]);

        Assert.Empty(rules.OnPrice(AlertFixture.Minute(6), 91_000));
    }

    [Fact]
    public void Evaluate_ShortZoneAbovePrice_FiresWithTheShortSide()
    {
        var (_, rules) = AlertFixture.Create(Chat);

        var alert = Assert.Single(rules.OnPrice(AlertFixture.Minute(5), 109_100)); // 0.37 % under 109,500

        Assert.Equal(PositionSide.Short, alert.Side);
    }
}
