using BenchmarkDotNet.Attributes;
using LiqBot.Engine.Market;
using LiqBot.Exchanges.Bybit;
using LiqBot.Fakes.Bybit;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// A 7-day warm start of BTCUSDT and ETHUSDT against the fake Bybit on 127.0.0.1: symbol checks, risk
/// limits, 5-minute klines and open interest (cursor pages) through the rate limiter, until every bar is out.
/// dotnet run -c Release --project benchmarks/LiqBot.Benchmarks -- --filter '*WarmStart*' --inProcess
/// (--inProcess: BenchmarkDotNet's generated project currently fails restore with NU1605 on this solution).
/// </summary>
[MemoryDiagnoser]
public class WarmStartBenchmark
{
    private FakeBybitServer _fake = null!;
    private HttpClient _http = null!;

    [GlobalSetup]
    public void Setup()
    {
        _fake = FakeBybitServer.StartAsync().GetAwaiter().GetResult();
        _http = new HttpClient();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _fake.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public async Task<int> SevenDaysTwoSymbols()
    {
        var options = new BybitOptions { RestUrl = _fake.RestUrl.ToString(), StreamUrl = _fake.StreamUrl.ToString(), WarmStart = TimeSpan.FromDays(7) };
        using var rest = new BybitRestClient(_http, options, TimeProvider.System, NullLogger<BybitRestClient>.Instance);
        var source = new BybitMarketSource(["BTCUSDT", "ETHUSDT"], options, rest, TimeProvider.System, NullLogger<BybitMarketSource>.Instance);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var bars = 0;
        await foreach (var e in source.StreamAsync(stop.Token))
        {
            if (e is BarClosed && ++bars == 2 * 2016)
            {
                break;
            }
        }

        return bars;
    }
}
