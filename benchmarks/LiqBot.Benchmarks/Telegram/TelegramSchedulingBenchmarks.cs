using BenchmarkDotNet.Attributes;
using LiqBot.Chat.Telegram;
using LiqBot.Storage;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LiqBot.Benchmarks.Telegram;

/// <summary>
/// What the Telegram sender spends deciding, without the network: one outbox batch (200 messages)
/// put in fair turns and passed through the rate limiter, the clock jumping to each next allowed
/// moment. Either spread over 200 chats (a fan-out) or 20 groups with 10 messages each (bursts
/// that hit the per-chat and per-group limits).
/// </summary>
[MemoryDiagnoser]
public class TelegramSchedulingBenchmarks
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 21, 4, 0, 0, TimeSpan.Zero));
    private TelegramRateLimiter _limiter = null!;
    private (long ChatId, OutboxMessage Message)[] _fanOut = null!;
    private (long ChatId, OutboxMessage Message)[] _bursts = null!;

    [GlobalSetup]
    public void Setup()
    {
        _limiter = new TelegramRateLimiter(Options.Create(new TelegramOptions()), _clock);
        _fanOut = [.. Enumerable.Range(0, 200).Select(i => (100_000L + i, Message(i, 100_000L + i)))];
        _bursts = [.. Enumerable.Range(0, 200).Select(i => (-1_000_000L - (i % 20), Message(i, -1_000_000L - (i % 20))))];
    }

    [Benchmark(Description = "200-message batch to 200 chats: turns + limiter")]
    public int FanOutBatch() => Schedule(_fanOut);

    [Benchmark(Description = "200-message batch to 20 groups: turns + limiter")]
    public int BurstBatch() => Schedule(_bursts);

    private int Schedule((long ChatId, OutboxMessage Message)[] batch)
    {
        var queue = new FairChatQueue(batch);
        var decisions = 0;
        while (queue.Count > 0)
        {
            var soonest = TimeSpan.MaxValue;
            foreach (var chatId in queue.Turns())
            {
                decisions++;
                var decision = _limiter.TryStart(chatId);
                if (decision.Allowed)
                {
                    queue.Take(chatId);
                    _limiter.Answered(chatId);
                    continue;
                }

                soonest = decision.Wait < soonest ? decision.Wait : soonest;
                if (decision.Global)
                {
                    break;
                }
            }

            if (soonest != TimeSpan.MaxValue)
            {
                _clock.Advance(soonest);
            }
        }

        return decisions;
    }

    private static OutboxMessage Message(long id, long chatId) => new(
        id, "bench:" + id, new ChatAddress(ChatPlatforms.Telegram, chatId.ToString()), OutboxMessageKind.Alert, "BTCUSDT nears 88.0k", null,
        DateTimeOffset.UnixEpoch, 1, DateTimeOffset.UnixEpoch, null, null, OutboxMessageState.Pending, null);
}
