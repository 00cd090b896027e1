using System.Diagnostics;
using System.Globalization;
using LiqBot.Engine.Alerts;
using LiqBot.Storage;
using Xunit.Abstractions;

namespace LiqBot.Tests.Soak;

/// <summary>
/// The whole bot under venue faults, chat faults and kills at once (<see cref="CombinedSoakRun"/>). What a
/// fault-free run delivers is fixed by the plan: each cascade pushed through a venue is one alert (its data
/// crosses the threshold once, minutes of data time away from any other), and every subscribed chat gets it.
/// The faulty run must deliver exactly that: every episode in every chat, nothing else, Discord never twice,
/// Telegram twice only where the fake cut the answer after accepting or the send was in flight at a kill;
/// every subscription and setting as it was. LIQBOT_SOAK_MINUTES (split over LIQBOT_SOAK_SEEDS, comma
/// separated) makes it the long run by hand: after the kill rounds, the last process of each seed lives on
/// under venue and chat faults for its share of the time, and its memory growth per hour is reported;
/// LIQBOT_SOAK_LOG names a file that gets every line as it is written (the test output only comes at the end).
/// </summary>
[Collection(nameof(SoakCollection))]
public sealed class CombinedSoakTests(ITestOutputHelper output)
{
    private const int Seed = 17;
    private const int Kills = 3;
    private const int ChatsPerPlatform = 6;
    private const long WorkingSetBound = 400_000_000;

    // Sends that may be unanswered when the process dies: about a second's worth at Telegram's global 30/s.
    private const int InFlightAtKill = 30;

    // Memory before this age is start-up (JIT, warm start, first charts), not growth.
    private static readonly TimeSpan WarmUp = TimeSpan.FromMinutes(5);

    // The long run's flatness check. RSS rises for the first half hour or so while the GC's heap and the
    // allocator's arenas reach their working size; after that, growth may only come from history, a few MB an
    // hour at the soak's data time (35 times the clock, cohorts about 25 MB a book per 30 days of data).
    private static readonly TimeSpan Plateau = TimeSpan.FromMinutes(40);
    private static readonly TimeSpan JudgedFor = TimeSpan.FromMinutes(30);
    private const double FlatMbPerHour = 20;

    [Fact]
    public async Task VenueFaultsChatFaultsAndKills_AtOnce_EveryCascadeReachesEveryChat_TwiceOnlyWhereAnAcceptedAnswerWasLost()
    {
        var minutes = double.TryParse(Environment.GetEnvironmentVariable("LIQBOT_SOAK_MINUTES"), CultureInfo.InvariantCulture, out var m) ? m : 0;
        var seeds = Environment.GetEnvironmentVariable("LIQBOT_SOAK_SEEDS")?.Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray() ?? [Seed];
        var steadyFor = TimeSpan.FromMinutes(minutes / seeds.Length);
        foreach (var seed in seeds)
        {
            await RunAsync(seed, steadyFor);
        }
    }

    private void Log(string line)
    {
        output.WriteLine(line);
        if (Environment.GetEnvironmentVariable("LIQBOT_SOAK_LOG") is { Length: > 0 } file)
        {
            File.AppendAllText(file, $"{TimeProvider.System.GetUtcNow():HH:mm:ss} {line}\n");
        }
    }

    private async Task RunAsync(int seed, TimeSpan steadyFor)
    {
        var watch = Stopwatch.StartNew();
        var chats = CombinedSoakRun.Chats(ChatsPerPlatform);
        await using var run = new CombinedSoakRun(chats, seed, Kills, steadyFor, Log);
        var outcome = await run.RunAsync();
        var episodes = run.Episodes.Select(e => e.Marker).ToList();

        var telegramDuplicates = outcome.Duplicates(ChatPlatforms.Telegram);
        var afterCut = outcome.DuplicatesAfterCut(ChatPlatforms.Telegram);
        var atKill = outcome.DuplicatesAtKill(InFlightAtKill);
        Log(
            $"seed {seed}: {episodes.Count} cascades to {chats.Count} chats, {outcome.Deliveries.Count} of {episodes.Count * chats.Count} deliveries in {watch.Elapsed.TotalMinutes:F1} min with {outcome.Kills} kills; "
            + $"venue faults {outcome.VenueFaults.Values.Sum()} ({string.Join(", ", outcome.VenueFaults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}); "
            + $"chat faults {string.Join(", ", outcome.Faults.OrderBy(f => f.Key).Select(f => $"{f.Key} {f.Value}"))}; "
            + $"Telegram twice: {telegramDuplicates} ({afterCut} cut after accepting, {atKill} in flight at a kill, {outcome.DuplicatesRecordedLate(InFlightAtKill)} recorded late); Discord twice: {outcome.Duplicates(ChatPlatforms.Discord)}; "
            + $"results not recorded {outcome.Logged("Could not record")}, batches fenced {outcome.Logged("stopped sending")}, renewals failed {outcome.Logged("Could not renew")}");
        var plateaus = new List<(int Process, double MbPerHour)>();
        foreach (var process in outcome.Memory.GroupBy(s => s.Process))
        {
            var samples = process.ToList();
            var growth = MemorySample.GrowthMbPerHour(samples, WarmUp);
            var plateau = samples[^1].Age >= Plateau + JudgedFor ? MemorySample.GrowthMbPerHour(samples, Plateau) : null;
            Log(
                $"seed {seed} process {process.Key}: lived {samples[^1].Age.TotalMinutes:F1} min, RSS {samples.Min(s => s.Bytes) / 1_000_000}-{samples.Max(s => s.Bytes) / 1_000_000} MB, last {samples[^1].Bytes / 1_000_000} MB"
                + (growth is { } g ? $", {g:F1} MB/hour after {WarmUp.TotalMinutes:0} min ({samples.Count(s => s.Age >= WarmUp)} samples)" : "")
                + (plateau is { } p ? $", {p:F1} MB/hour after {Plateau.TotalMinutes:0} min" : ""));
            if (plateau is { } judged)
            {
                plateaus.Add((process.Key, judged));
            }
        }

        foreach (var unexpected in outcome.Delivered.Where(d => d.Message.StartsWith("unexpected", StringComparison.Ordinal)).Select(d => d.Message).Distinct().Take(10))
        {
            Log($"seed {seed}: {unexpected}");
        }

        var expected = chats.SelectMany(c => episodes.Select(e => (Chat: c.ToString(), Message: e))).Order().ToList();
        Assert.Equal(expected, outcome.Delivered.Order().ToList());
        Assert.Equal(Kills, outcome.Kills);
        Assert.True(outcome.CutAfterAccept.Count > 0, "the plan cut some accepted sends");
        // Discord's nonce with enforce_nonce makes even a resend after a lost answer a single message.
        Assert.Equal(0, outcome.Duplicates(ChatPlatforms.Discord));
        // Telegram has no such key: a resend after a lost answer posts again, whether the fake cut it or the
        // kill did (the sends in flight then). A delivery accepted well before a kill was recorded, never resent.
        Assert.Equal(0, outcome.DuplicatesRecordedLate(InFlightAtKill));
        Assert.Equal(telegramDuplicates, afterCut + atKill);
        Assert.All(outcome.Memory, sample => Assert.InRange(sample.Bytes, 1, WorkingSetBound));
        Assert.All(plateaus, p => Assert.True(p.MbPerHour <= FlatMbPerHour, $"process {p.Process} grew {p.MbPerHour:F1} MB/hour after {Plateau.TotalMinutes:0} min (bound {FlatMbPerHour} MB/hour)"));

        foreach (var (chat, subscriptions, settings) in await run.ReadChatsAsync())
        {
            var subscription = Assert.Single(subscriptions);
            Assert.Equal(("BTCUSDT", AlertKinds.Cascade, (string?)null), (subscription.Symbol, subscription.Kinds, subscription.PausedReason));
            Assert.Equal(CombinedSoakRun.Settings, settings);
        }
    }
}

[CollectionDefinition(nameof(SoakCollection), DisableParallelization = true)]
public sealed class SoakCollection;
