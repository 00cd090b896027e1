using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Binance;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// A 7-day warm start of BTCUSDT and ETHUSDT on Bybit, Binance and OKX at once, against the three fakes on
/// 127.0.0.1 with the real REST pagination (Bybit cursors, Binance startTime pages, OKX after/end pages
/// backwards), until every symbol's last history bar is out. <see cref="VenueLimits"/> true keeps each
/// venue's request limiter as configured; false lifts the venue-wide caps. OKX's own per-endpoint limits
/// stay either way (its rubik history, 10 requests per 2 s per instrument, sets the pace: 15 pages a symbol).
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*ThreeVenueWarmStart*' --inProcess --strategy Monitoring --warmupCount 1 --iterationCount 5
/// </summary>
[MemoryDiagnoser]
public class ThreeVenueWarmStartBenchmark
{
    private static readonly string[] Symbols = ["BTCUSDT", "ETHUSDT"];
    private FakeBybitServer _bybit = null!;
    private FakeBinanceServer _binance = null!;
    private FakeOkxServer _okx = null!;
    private HttpClient _http = null!;
    private int[] _lastBars = [];

    [Params(true, false)]
    public bool VenueLimits { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bybit = FakeBybitServer.StartAsync().GetAwaiter().GetResult();
        _binance = FakeBinanceServer.StartAsync().GetAwaiter().GetResult();
        _okx = FakeOkxServer.StartAsync().GetAwaiter().GetResult();
        _http = new HttpClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        Console.WriteLine($"// bars per venue in the last warm start: {string.Join(", ", _lastBars)}");
        _http.Dispose();
        _bybit.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _binance.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _okx.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    /// <summary>Bars out of all three warm starts (OKX's open-interest history reaches back about 5 days, so it yields fewer).</summary>
    [Benchmark]
    public async Task<int> SevenDaysThreeVenuesTwoSymbols()
    {
        var warmStart = TimeSpan.FromDays(7);
        var end = TimeGrid.Floor(TimeProvider.System.GetUtcNow(), TimeGrid.FiveMinutes);
        var bybitOptions = new BybitOptions { RestUrl = _bybit.RestUrl.ToString(), StreamUrl = _bybit.StreamUrl.ToString(), WarmStart = warmStart };
        var binanceOptions = Sized(new BinanceOptions { RestUrl = _binance.RestUrl.ToString(), StreamUrl = _binance.StreamUrl.ToString(), WarmStart = warmStart });
        var okxOptions = Sized(new OkxOptions { RestUrl = _okx.RestUrl.ToString(), PublicStreamUrl = _okx.PublicStreamUrl.ToString(), BusinessStreamUrl = _okx.BusinessStreamUrl.ToString(), WarmStart = warmStart });
        if (!VenueLimits)
        {
            bybitOptions.RequestsPerWindow = 10_000;
        }

        using var bybitRest = new BybitRestClient(_http, bybitOptions, TimeProvider.System, NullLogger<BybitRestClient>.Instance);
        using var binanceRest = new BinanceRestClient(_http, binanceOptions, TimeProvider.System, NullLogger<BinanceRestClient>.Instance);
        using var okxRest = new OkxRestClient(_http, okxOptions, TimeProvider.System, NullLogger<OkxRestClient>.Instance);
        IMarketSource[] sources =
        [
            new BybitMarketSource(Symbols, bybitOptions, bybitRest, TimeProvider.System, NullLogger<BybitMarketSource>.Instance),
            new BinanceMarketSource(Symbols, binanceOptions, binanceRest, TimeProvider.System, NullLogger<BinanceMarketSource>.Instance),
            new OkxMarketSource(Symbols, okxOptions, okxRest, TimeProvider.System, NullLogger<OkxMarketSource>.Instance),
        ];
        using var stop = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        _lastBars = await Task.WhenAll(sources.Select(s => UntilWarmAsync(s, end, stop.Token)));
        return _lastBars.Sum();
    }

    private T Sized<T>(T options)
        where T : VenueOptions
    {
        if (!VenueLimits)
        {
            options.RequestsPerWindow = 10_000;
        }

        return options;
    }

    /// <summary>Reads a source until each symbol's bar closing at <paramref name="end"/> (the warm start's last) is out.</summary>
    private static async Task<int> UntilWarmAsync(IMarketSource source, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var bars = 0;
        var warm = new HashSet<string>();
        await foreach (var e in source.StreamAsync(cancellationToken))
        {
            if (e is not BarClosed closed)
            {
                continue;
            }

            bars++;
            if (closed.Bar.CloseTime >= end && warm.Add(closed.Symbol) && warm.Count == Symbols.Length)
            {
                break;
            }
        }

        return bars;
    }
}
