using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RealizedLiquidations_ComeBackAfterARestart_ExactlyAndOldestFirst()
    {
        var first = new SqlRealizedStore(OpenDatabase());
        RealizedLiquidation[] bybit =
        [
            new(T0.AddMilliseconds(1), PositionSide.Long, 60_123.45, 12_345.678),
            new(T0.AddSeconds(2), PositionSide.Short, 61_000.5, 0.37),
            new(T0.AddMinutes(3).AddMilliseconds(999), PositionSide.Long, 59_999.99, 2_000_000),
        ];
        await first.WriteAsync(Batch([.. bybit.Select(l => new StoredLiquidation("bybit", "BTCUSDT", l)), new("okx", "BTCUSDT", bybit[0]), new("bybit", "ETHUSDT", bybit[1])]), None);

        var restarted = new SqlRealizedStore(OpenDatabase());
        var loaded = await restarted.LoadAsync("bybit", "BTCUSDT", T0.AddHours(-1), 100, None);

        Assert.Equal(bybit, loaded.Liquidations);
        Assert.Equal(0, loaded.Skipped);
        Assert.Equal([bybit[0]], (await restarted.LoadAsync("okx", "BTCUSDT", T0.AddHours(-1), 100, None)).Liquidations);
        // The newest within the limit, still oldest first; nothing before since.
        Assert.Equal(bybit[1..], (await restarted.LoadAsync("bybit", "BTCUSDT", T0.AddHours(-1), 2, None)).Liquidations);
        Assert.Equal(bybit[1..], (await restarted.LoadAsync("bybit", "BTCUSDT", T0.AddSeconds(1), 100, None)).Liquidations);
    }

    [Fact]
    public async Task RealizedLiquidations_WrittenTwice_AsTwoInstancesOnOneFeedDo_AreStoredOnce()
    {
        var liquidation = new StoredLiquidation("binance", "BTCUSDT", new(T0, PositionSide.Short, 61_000, 5_000));
        var a = new SqlRealizedStore(OpenDatabase());
        var b = new SqlRealizedStore(OpenDatabase());

        await a.WriteAsync(Batch([liquidation]), None);
        await b.WriteAsync(Batch([liquidation, liquidation]), None);

        Assert.Equal(1, await ScalarAsync(OpenDatabase(), "SELECT COUNT(*) FROM realized_liquidations"));
    }

    [Fact]
    public async Task Outages_OpenThenClosed_AreOneRow_AndLiveUntilNeverGoesBack()
    {
        var store = new SqlRealizedStore(OpenDatabase());
        await store.WriteAsync(new RealizedBatch([], [new FeedOutage(T0, null, "okx", "connecting")], new Dictionary<string, DateTimeOffset> { ["bybit"] = T0.AddMinutes(5) }), None);
        await store.WriteAsync(new RealizedBatch([], [new FeedOutage(T0, T0.AddMinutes(1), "okx", "connecting")], new Dictionary<string, DateTimeOffset> { ["bybit"] = T0.AddMinutes(4) }), None);
        // A late copy of the open state (another instance's) never reopens it.
        await store.WriteAsync(new RealizedBatch([], [new FeedOutage(T0, null, "okx", "connecting")], new Dictionary<string, DateTimeOffset>()), None);

        var restarted = new SqlRealizedStore(OpenDatabase());
        Assert.Equal([new FeedOutage(T0, T0.AddMinutes(1), "okx", "connecting")], await restarted.LoadOutagesAsync(T0.AddDays(-1), None));
        Assert.Empty(await restarted.LoadOutagesAsync(T0.AddMinutes(2), None));
        Assert.Equal(T0.AddMinutes(5), Assert.Single(await restarted.LoadLiveUntilAsync(None), p => p.Key == "bybit").Value);
    }

    [Fact]
    public async Task Prune_DropsLiquidationsAndEndedOutagesOlderThanTheRetention()
    {
        var store = new SqlRealizedStore(OpenDatabase());
        await store.WriteAsync(new RealizedBatch(
            [new("bybit", "BTCUSDT", new(T0, PositionSide.Long, 60_000, 1)), new("bybit", "BTCUSDT", new(T0.AddDays(2), PositionSide.Long, 60_000, 1))],
            [new FeedOutage(T0, T0.AddHours(1), "bybit"), new FeedOutage(T0.AddHours(2), null, "okx")],
            new Dictionary<string, DateTimeOffset>()), None);

        Assert.Equal(2, await store.PruneAsync(T0.AddDays(1), None));

        Assert.Equal([T0.AddDays(2)], (await store.LoadAsync("bybit", "BTCUSDT", T0.AddDays(-30), 10, None)).Liquidations.Select(l => l.Time));
        Assert.Equal("okx", Assert.Single(await store.LoadOutagesAsync(T0.AddDays(-30), None)).Venue);
    }

    [Fact]
    public async Task Trim_KeepsTheNewestABookCanHold_OfThatVenueAndSymbolOnly()
    {
        var store = new SqlRealizedStore(OpenDatabase());
        await store.WriteAsync(Batch([.. Enumerable.Range(0, 5).Select(i => new StoredLiquidation("okx", "BTCUSDT", new(T0.AddSeconds(i), PositionSide.Short, 60_000, 1))), new("okx", "ETHUSDT", new(T0, PositionSide.Short, 3_000, 1))]), None);

        Assert.Equal(2, await store.TrimAsync("okx", "BTCUSDT", 3, None));
        Assert.Equal(0, await store.TrimAsync("okx", "BTCUSDT", 3, None));

        Assert.Equal([T0.AddSeconds(2), T0.AddSeconds(3), T0.AddSeconds(4)], (await store.LoadAsync("okx", "BTCUSDT", T0.AddDays(-1), 10, None)).Liquidations.Select(l => l.Time));
        Assert.Single((await store.LoadAsync("okx", "ETHUSDT", T0.AddDays(-1), 10, None)).Liquidations);
    }

    [Fact]
    public async Task Load_CorruptRows_AreSkippedAndCounted_TheRestLoads()
    {
        var store = new SqlRealizedStore(OpenDatabase());
        var good = new RealizedLiquidation(T0, PositionSide.Long, 60_000, 1_000);
        await store.WriteAsync(Batch([new("bybit", "BTCUSDT", good)]), None);
        var database = OpenDatabase();
        var ms = T0.ToUnixTimeMilliseconds();
        await ExecuteAsync(database, $"INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES ('bybit', 'BTCUSDT', {ms + 1}, 7, 60000, 5)");
        await ExecuteAsync(database, $"INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES ('bybit', 'BTCUSDT', {ms + 2}, 1, -3, 5)");
        await ExecuteAsync(database, $"INSERT INTO realized_liquidations (venue, symbol, at_ms, side, price, usd) VALUES ('bybit', 'BTCUSDT', {ms + 3}, 0, 60000, 0)");

        var loaded = await store.LoadAsync("bybit", "BTCUSDT", T0.AddDays(-1), 100, None);

        Assert.Equal([good], loaded.Liquidations);
        Assert.Equal(3, loaded.Skipped);
    }

    private static RealizedBatch Batch(IReadOnlyList<StoredLiquidation> liquidations) => new(liquidations, [], new Dictionary<string, DateTimeOffset>());
}
