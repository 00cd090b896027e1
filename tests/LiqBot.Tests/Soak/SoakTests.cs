using System.Diagnostics;
using System.Globalization;
using LiqBot.Engine.Alerts;
using LiqBot.Fakes.Faults;
using LiqBot.Storage;
using Xunit.Abstractions;

namespace LiqBot.Tests.Soak;

/// <summary>
/// The whole bot under faults: a fault-free run of the sample replay says what every chat must get;
/// a run of the same replay with a seeded fault plan on both chat APIs (429 with retry_after, 502,
/// connections cut after the chat accepted, slow answers) and three SIGKILLs mid fan-out must deliver
/// exactly that, twice only where a chat accepted and the answer was lost, and leave every
/// subscription and setting as it was. LIQBOT_SOAK_MINUTES (and LIQBOT_SOAK_SEEDS, comma separated)
/// turns it into the long run by hand: faulty runs with one seed after another until the time is up.
/// </summary>
[Collection(nameof(SoakCollection))]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Seed = 17;
    private const int Kills = 3;
    private const int ChatsPerPlatform = 6;

    // Sends that may be unanswered when the process dies: about a second's worth at Telegram's global 30/s.
    private const int InFlightAtKill = 30;

    [Fact]
    public async Task FaultsAndKillsMidFanOut_EveryAlertReachesEveryChat_TwiceOnlyWhereAnAcceptedAnswerWasLost()
    {
        var chats = SoakRun.Chats(ChatsPerPlatform);
        SoakOutcome expected;
        await using (var faultFree = new SoakRun(chats, faults: null, kills: 0, expectedDeliveries: 0))
        {
            expected = await faultFree.RunAsync();
        }

        Assert.All(chats, chat => Assert.Contains(expected.Delivered, d => d.Chat == chat.ToString()));
        Assert.All(expected.Deliveries.Values, count => Assert.Equal(1, count));
        output.WriteLine($"fault-free: {expected.Deliveries.Count} deliveries to {chats.Count} chats");

        var minutes = double.TryParse(Environment.GetEnvironmentVariable("LIQBOT_SOAK_MINUTES"), CultureInfo.InvariantCulture, out var m) ? m : 0;
        var seeds = Environment.GetEnvironmentVariable("LIQBOT_SOAK_SEEDS")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [Seed];
        var watch = Stopwatch.StartNew();
        var round = 0;
        do
        {
            var seed = seeds[round % seeds.Length] + (round / seeds.Length * 1000);
            await RunWithFaultsAsync(chats, expected, seed);
            round++;
        }
        while (watch.Elapsed < TimeSpan.FromMinutes(minutes));
    }

    private async Task RunWithFaultsAsync(IReadOnlyList<ChatAddress> chats, SoakOutcome expected, int seed)
    {
        var watch = Stopwatch.StartNew();
        await using var faulty = new SoakRun(chats, new FakeFaultPlan(seed), Kills, expected.Deliveries.Count);
        var outcome = await faulty.RunAsync();

        var telegramDuplicates = outcome.Duplicates(ChatPlatforms.Telegram);
        var afterCut = outcome.DuplicatesAfterCut(ChatPlatforms.Telegram);
        var atKill = outcome.DuplicatesAtKill(InFlightAtKill);
        output.WriteLine(
            $"seed {seed}: {outcome.Deliveries.Count} of {expected.Deliveries.Count} delivered in {watch.Elapsed.TotalSeconds:F0} s with {outcome.Kills} kills; "
            + $"faults {string.Join(", ", outcome.Faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}; "
            + $"Telegram twice: {telegramDuplicates} ({afterCut} cut after accepting, {atKill} in flight at a kill, {outcome.DuplicatesRecordedLate(InFlightAtKill)} recorded late); Discord twice: {outcome.Duplicates(ChatPlatforms.Discord)}; "
            + $"results not recorded {outcome.Logged("Could not record")}, batches fenced {outcome.Logged("stopped sending")}, renewals failed {outcome.Logged("Could not renew")}; "
            + $"working set per process {string.Join(" / ", outcome.WorkingSetBytes.Select(b => $"{b / 1_000_000} MB"))}");

        Assert.Equal(expected.Delivered.Order(), outcome.Delivered.Order());
        Assert.True(outcome.CutAfterAccept.Count > 0, "the plan cut some accepted sends");
        // Discord's nonce with enforce_nonce makes even a resend after a lost answer a single message.
        Assert.Equal(0, outcome.Duplicates(ChatPlatforms.Discord));
        // Telegram has no such key: a resend after a lost answer posts again, whether the fake cut it or the
        // kill did (the sends in flight then). A delivery accepted well before a kill was recorded, never resent.
        Assert.Equal(0, outcome.DuplicatesRecordedLate(InFlightAtKill));
        Assert.Equal(telegramDuplicates, afterCut + atKill);

        foreach (var (chat, subscriptions, settings) in await faulty.ReadChatsAsync())
        {
            var subscription = Assert.Single(subscriptions);
            Assert.Equal(("BTCUSDT", AlertKinds.All, (string?)null), (subscription.Symbol, subscription.Kinds, subscription.PausedReason));
            Assert.Equal(SoakRun.Settings, settings);
        }
    }
}

[CollectionDefinition(nameof(SoakCollection), DisableParallelization = true)]
public sealed class SoakCollection;
