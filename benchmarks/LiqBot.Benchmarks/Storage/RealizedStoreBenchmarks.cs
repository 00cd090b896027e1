using BenchmarkDotNet.Attributes;
using LiqBot.Benchmarks.Outbox;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Storage;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Benchmarks.Storage;

/// <summary>
/// Realized liquidations kept in SQLite (<see cref="SqlRealizedStore"/>, a real file):
/// <list type="bullet">
/// <item>WriteOneSecond: what the writer does once a second for a busy feed, 200 liquidations spread over 3
/// venues x 2 symbols plus each venue's live mark, in one transaction;</item>
/// <item>RestoreSevenDays: what a start does: 7 days of rows, each of the 6 books full (262,144 points, the ring's
/// capacity: one liquidation every 2.3 s per venue and symbol), read back and replayed through the alert rules.</item>
/// </list>
/// The file's size per stored row is printed after the fill.
/// </summary>
[MemoryDiagnoser]
public class RealizedStoreBenchmarks
{
    private const int BusySecond = 200;
    private const int PerBook = 262_144;
    private static readonly Venue[] Venues = [Venue.Bybit, Venue.Binance, Venue.Okx];
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];
    private static readonly DateTimeOffset End = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private TempFolder _folder = null!;
    private StorageDatabase _database = null!;
    private SqlRealizedStore _store = null!;
    private TempFolder _busyFolder = null!;
    private StorageDatabase _busyDatabase = null!;
    private SqlRealizedStore _busyStore = null!;
    private long _second;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        (_folder, _database, _store) = await OpenAsync();
        (_busyFolder, _busyDatabase, _busyStore) = await OpenAsync();
        var spacing = TimeSpan.FromDays(7) / PerBook;
        var random = new Random(7);
        for (var start = 0; start < PerBook; start += 16_384)
        {
            var batch = new List<StoredLiquidation>();
            foreach (var venue in Venues)
            {
                foreach (var symbol in Symbols)
                {
                    for (var i = start; i < start + 16_384; i++)
                    {
                        batch.Add(new StoredLiquidation(venue.Key, symbol, Liquidation(End - TimeSpan.FromDays(7) + (spacing * i), random)));
                    }
                }
            }

            await _store.WriteAsync(new RealizedBatch(batch, [], new Dictionary<string, DateTimeOffset>()), CancellationToken.None);
        }

        await using (var connection = await _database.OpenAsync(CancellationToken.None))
        await using (var checkpoint = connection.Sql("PRAGMA wal_checkpoint(TRUNCATE)"))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        var bytes = new DirectoryInfo(_folder.Path).EnumerateFiles().Sum(f => f.Length);
        var rows = PerBook * Venues.Length * Symbols.Length;
        await Console.Out.WriteLineAsync($"realized store: {rows:N0} rows in {bytes / 1e6:0.0} MB on disk, {(double)bytes / rows:0.0} bytes a row");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        await _database.DisposeAsync();
        await _busyDatabase.DisposeAsync();
        _folder.Dispose();
        _busyFolder.Dispose();
    }

    [Benchmark]
    public Task WriteOneSecond()
    {
        var second = End.AddSeconds(_second++);
        var random = new Random((int)_second);
        var batch = new List<StoredLiquidation>(BusySecond);
        for (var i = 0; i < BusySecond; i++)
        {
            var venue = Venues[i % Venues.Length];
            batch.Add(new StoredLiquidation(venue.Key, Symbols[i / Venues.Length % Symbols.Length], Liquidation(second.AddMilliseconds(i * 5), random)));
        }

        return _busyStore.WriteAsync(new RealizedBatch(batch, [], Venues.ToDictionary(v => v.Key, _ => second)), CancellationToken.None);
    }

    [Benchmark]
    public async Task<int> RestoreSevenDays()
    {
        var restored = 0;
        foreach (var symbol in Symbols)
        {
            var market = new SymbolMarket(symbol, new ModelOptions(), Venues);
            var points = new List<(Venue, RealizedLiquidation)>();
            foreach (var venue in Venues)
            {
                var stored = await _store.LoadAsync(venue.Key, symbol, End - TimeSpan.FromDays(30), PerBook, CancellationToken.None);
                points.AddRange(stored.Liquidations.Select(l => (venue, l)));
            }

            restored += points.Count;
            RealizedRestore.Replay(market, points);
        }

        return restored;
    }

    private static async Task<(TempFolder, StorageDatabase, SqlRealizedStore)> OpenAsync()
    {
        var folder = new TempFolder();
        var database = StorageDatabase.Create(new StorageOptions { Provider = StorageProvider.Sqlite, SqlitePath = Path.Combine(folder.Path, "realized.db") }, TimeProvider.System, NullLoggerFactory.Instance);
        await database.EnsureMigratedAsync(CancellationToken.None);
        return (folder, database, new SqlRealizedStore(database));
    }

    private static RealizedLiquidation Liquidation(DateTimeOffset time, Random random) =>
        new(time, random.Next(2) == 0 ? PositionSide.Long : PositionSide.Short, Math.Round(60_000 + (random.NextDouble() * 2_000), 1), Math.Round(Math.Exp(random.NextDouble() * 12), 2));
}
