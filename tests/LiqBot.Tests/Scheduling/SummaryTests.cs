using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Engine.Market;
using LiqBot.Scheduling;
using LiqBot.Storage;
using LiqBot.Tests.Chat;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;

namespace LiqBot.Tests.Scheduling;

public sealed class SummaryTests : IDisposable
{
    private readonly RouterHarness _bot = new();

    [Fact]
    public async Task Post_TwiceWithAMoveBetween_SecondSaysWhatChanged()
    {
        var job = Job();
        var first = new DateTimeOffset(2026, 6, 8, 0, 0, 0, TimeSpan.Zero);
        await job.PostAsync(RouterHarness.Group, first, CancellationToken.None);

        // Price falls through the densest long zone before the next summary.
        var btc = _bot.Markets.Find("BTCUSDT")!;
        btc.Book.Apply(new Bar(first, TimeSpan.FromMinutes(30), 63_300, 63_400, 59_000, 59_500, 6.2e9));
        await job.PostAsync(RouterHarness.Group, first.AddHours(4), CancellationToken.None);

        var claimed = await _bot.Stores.Outbox.ClaimDueAsync(ChatPlatforms.Telegram, "test", 10, TimeSpan.FromMinutes(1), CancellationToken.None);
        Assert.Equal(2, claimed.Count);
        Assert.All(claimed, m => Assert.Equal(OutboxMessageKind.Summary, m.Kind));
        Assert.All(claimed, m => Assert.Equal(0x89, m.Png![0]));
        Assert.StartsWith("Summary: BTCUSDT 24h, price 63.3k.", claimed[0].Text, StringComparison.Ordinal);
        Assert.Contains("Since 2026-06-08 00:00 UTC (price 63.3k): ", claimed[1].Text, StringComparison.Ordinal);
        Assert.Contains("gone long 60.8k-61.2k ($73.8M) (swept)", claimed[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SameScheduledTimeTwice_QueuesOnce()
    {
        var job = Job();
        var at = new DateTimeOffset(2026, 6, 8, 4, 0, 0, TimeSpan.Zero);

        await job.PostAsync(RouterHarness.Group, at, CancellationToken.None);
        await job.PostAsync(RouterHarness.Group, at, CancellationToken.None);

        Assert.Equal(1, await _bot.Stores.Outbox.CountPendingAsync(ChatPlatforms.Telegram, CancellationToken.None));
    }

    [Fact]
    public async Task Sync_FollowsTheStoredSchedules()
    {
        await using var provider = new ServiceCollection().AddLogging().AddQuartz().BuildServiceProvider();
        var scheduler = await provider.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var sync = new SummaryScheduler(provider.GetRequiredService<ISchedulerFactory>(), _bot.Stores.Subscriptions, _bot.Changes, TimeProvider.System, NullLogger<SummaryScheduler>.Instance);
        var key = new JobKey(RouterHarness.Group.ToString(), "summaries");

        await _bot.Ask("/config summary every 4h");
        await sync.SyncAsync(CancellationToken.None);

        var trigger = Assert.Single(await scheduler.GetTriggersOfJob(key));
        var next = trigger.NextFireTimeUtc!.Value;
        Assert.Equal(0, next.UtcTicks % TimeSpan.FromHours(4).Ticks);
        Assert.InRange(next - TimeProvider.System.GetUtcNow(), TimeSpan.Zero, TimeSpan.FromHours(4));

        var cronReply = await _bot.Ask("/config summary 0 30 8 * * ?");
        Assert.False(cronReply.IsError, cronReply.Text);
        await sync.SyncAsync(CancellationToken.None);
        var cron = Assert.Single(await scheduler.GetTriggersOfJob(key));
        Assert.Equal(new TimeOnly(8, 30), TimeOnly.FromDateTime(cron.NextFireTimeUtc!.Value.UtcDateTime));

        await _bot.Ask("/config summary off");
        await sync.SyncAsync(CancellationToken.None);
        Assert.False(await scheduler.Exists(key));
    }

    public void Dispose() => _bot.Dispose();

    private SummaryJob Job() => new(
        _bot.Stores.Subscriptions,
        _bot.Stores.Outbox,
        new OutboxSignal(),
        _bot.Stores.Summaries,
        _bot.Markets,
        new SummaryComposer(new ChartService(TimeProvider.System), _bot.Stores.Summaries),
        NullLogger<SummaryJob>.Instance);
}
