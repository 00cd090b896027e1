using System.Diagnostics;
using LiqBot.Chat.Telegram;
using LiqBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiqBot.Benchmarks.Outbox;

/// <summary>
/// What seeding the Telegram limiter costs at start, by hand (wall clock): `recent-sends sqlite|postgres CHATS OLD`.
/// The outbox holds OLD delivered messages older than a minute (finished rows are kept) and one delivery a minute
/// old or less to each of CHATS chats; the last minute's sends are read (ListSentSinceAsync) and given to a
/// TelegramRateLimiter, 21 times each, with the index of migration 4 and again without it.
/// </summary>
internal static class RecentSendsQuery
{
    private const int Runs = 21;

    public static async Task RunAsync(string provider, int chats, int old, TextWriter output)
    {
        using var folder = new TempFolder();
        var options = provider == "postgres"
            ? new StorageOptions { Provider = StorageProvider.Postgres, ConnectionString = await OutboxFanOut.CreatePostgresDatabaseAsync() }
            : new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder.Path, "recent.db") };
        await using var database = StorageDatabase.Create(options, TimeProvider.System, NullLoggerFactory.Instance);
        await database.EnsureMigratedAsync(CancellationToken.None);
        var now = TimeProvider.System.GetUtcNow();
        var fill = Stopwatch.StartNew();
        await FillAsync(database, old, chats, now.AddMinutes(-90).ToUnixTimeMilliseconds(), 1);
        await FillAsync(database, chats, chats, now.AddSeconds(-50).ToUnixTimeMilliseconds(), old + 1);
        output.WriteLine($"{provider}: {old:N0} old deliveries + {chats:N0} in the last minute, filled in {fill.Elapsed.TotalSeconds:0.0} s");

        var outbox = new SqlOutbox(database);
        await MeasureAsync("with ix_outbox_sent", outbox, now, output);
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        await using (var drop = connection.Sql("DROP INDEX ix_outbox_sent"))
        {
            await drop.ExecuteNonQueryAsync();
        }

        await MeasureAsync("without it", outbox, now, output);
    }

    private static async Task MeasureAsync(string label, SqlOutbox outbox, DateTimeOffset now, TextWriter output)
    {
        var query = new List<double>();
        var seed = new List<double>();
        var count = 0;
        for (var run = 0; run <= Runs; run++)
        {
            var watch = Stopwatch.StartNew();
            var sends = await outbox.ListSentSinceAsync(ChatPlatforms.Telegram, now - TelegramRateLimiter.SeedWindow, CancellationToken.None);
            var read = watch.Elapsed.TotalMilliseconds;
            watch.Restart();
            var limiter = new TelegramRateLimiter(Options.Create(new TelegramOptions()), TimeProvider.System);
            limiter.Seed([.. sends.Select(s => (long.Parse(s.ChatId, System.Globalization.CultureInfo.InvariantCulture), s.SentAt))]);
            if (run > 0)
            {
                // Run 0 warms the connection pool, the JIT and the page cache.
                query.Add(read);
                seed.Add(watch.Elapsed.TotalMilliseconds);
            }

            count = sends.Count;
        }

        output.WriteLine($"  {label}: {count:N0} sends read in {Median(query):0.0} ms (median of {Runs}, max {query.Max():0.0} ms); limiter seeded in {Median(seed):0.0} ms");
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    /// <summary>Delivered rows for chats 0..chats-1 in turn, one a millisecond from <paramref name="startMs"/>, in one statement.</summary>
    private static async Task FillAsync(StorageDatabase database, int rows, int chats, long startMs, int firstId)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Sql("""
            WITH RECURSIVE g(n) AS (SELECT @first UNION ALL SELECT n + 1 FROM g WHERE n < @last)
            INSERT INTO outbox (dedupe_key, platform, chat_id, kind, text, created_at_ms, attempts, not_before_ms, state, finished_at_ms)
            SELECT 'alert:' || CAST(n AS TEXT), 'telegram', CAST(n % @chats AS TEXT), 'alert', @text, @start + n - @first, 1, @start + n - @first, 'sent', @start + n - @first
            FROM g
            """)
            .With("@first", firstId)
            .With("@last", firstId + rows - 1)
            .With("@chats", chats)
            .With("@text", new string('x', 240))
            .With("@start", startMs);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
