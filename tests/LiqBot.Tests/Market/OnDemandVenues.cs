using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;

namespace LiqBot.Tests.Market;

/// <summary>
/// The three fake venues listing more than the configured BTCUSDT and ETHUSDT: SOL, XRP and DOGE on all three,
/// ONLYUSDT on Bybit alone; and the settings that point a bot at them (history of one day, to keep warm-ups short).
/// </summary>
internal sealed class OnDemandVenues : IAsyncDisposable
{
    private static readonly string[] Coins = ["SOL", "XRP", "DOGE"];

    private OnDemandVenues(FakeBybitServer bybit, FakeBinanceServer binance, FakeOkxServer okx)
    {
        Bybit = bybit;
        Binance = binance;
        Okx = okx;
    }

    public FakeBybitServer Bybit { get; }

    public FakeBinanceServer Binance { get; }

    public FakeOkxServer Okx { get; }

    public static async Task<OnDemandVenues> StartAsync()
    {
        var venues = new OnDemandVenues(await FakeBybitServer.StartAsync(), await FakeBinanceServer.StartAsync(), await FakeOkxServer.StartAsync());
        foreach (var coin in Coins)
        {
            venues.Bybit.Symbols.Add(coin + "USDT");
            venues.Binance.Symbols.Add(coin + "USDT");
            venues.Okx.Instruments.Add(coin + "-USDT-SWAP");
        }

        venues.Bybit.Symbols.Add("ONLYUSDT");
        venues.Bybit.InstrumentPage = 3; // the client must follow the cursor
        return venues;
    }

    /// <summary>Bybit subscribe messages naming <paramref name="symbol"/>.</summary>
    public int BybitSubscribesOf(string symbol) => Bybit.Subscriptions.Count(s => s.Contains($"tickers.{symbol}", StringComparison.Ordinal));

    /// <summary>The bot's settings for these venues, as --Section:Key=value.</summary>
    public string[] Settings(string databasePath, params string[] more) =>
    [
        $"--Storage:SqlitePath={databasePath}",
        "--Market:Source=live",
        "--Logging:LogLevel:Default=Warning",
        $"--Bybit:RestUrl={Bybit.RestUrl}",
        $"--Bybit:StreamUrl={Bybit.StreamUrl}",
        $"--Binance:RestUrl={Binance.RestUrl}",
        $"--Binance:StreamUrl={Binance.StreamUrl}",
        $"--Okx:RestUrl={Okx.RestUrl}",
        $"--Okx:PublicStreamUrl={Okx.PublicStreamUrl}",
        $"--Okx:BusinessStreamUrl={Okx.BusinessStreamUrl}",
        "--Bybit:WarmStart=1.00:00:00",
        "--Binance:WarmStart=1.00:00:00",
        "--Okx:WarmStart=1.00:00:00",
        .. more,
    ];

    public async ValueTask DisposeAsync()
    {
        await Bybit.DisposeAsync();
        await Binance.DisposeAsync();
        await Okx.DisposeAsync();
    }
}
