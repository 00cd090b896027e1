using LiqBot.Engine.Market;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace LiqBot.Tests.Exchanges.Bybit;

public sealed class WarmStartRestartTests
{
    [Fact]
    public async Task Restart_HoursLater_ReproducesTheOverlappingFiveMinuteBarsExactly()
    {
        await using var h = await SourceHarness.CreateAsync(o => o.WarmStart = TimeSpan.FromHours(6));
        var first = await WarmAsync(h, TimeSpan.Zero);
        var restarted = await WarmAsync(h, TimeSpan.FromHours(2));

        var overlap = first.Where(b => b.OpenTime >= restarted[0].OpenTime).ToList();
        Assert.Equal(72 - 24, overlap.Count);
        Assert.Equal(overlap, restarted.Take(overlap.Count));
        Assert.Equal(restarted[overlap.Count - 1].CloseTime, restarted[overlap.Count].OpenTime);
    }

    [Fact]
    public void AddBybitMarketSource_ResolvesTheSource_AndRejectsBadOptionsByKey()
    {
        var good = Provider(new() { ["Bybit:RestUrl"] = "http://127.0.0.1:1", ["Market:Symbols:0"] = "BTCUSDT" });
        Assert.IsType<BybitMarketSource>(good.GetRequiredService<IMarketSource>());

        var bad = Provider(new() { ["Bybit:PingInterval"] = "00:00:01", ["Bybit:PongTimeout"] = "00:00:05" });
        var error = Assert.Throws<OptionsValidationException>(() => bad.GetRequiredService<IOptions<BybitOptions>>().Value);
        Assert.Contains("Bybit:PongTimeout", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Provider(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        return new ServiceCollection().AddLogging().AddBybitMarketSource(configuration).BuildServiceProvider();
    }

    private static async Task<List<Bar>> WarmAsync(SourceHarness h, TimeSpan shift)
    {
        var source = new BybitMarketSource(["BTCUSDT"], h.Options, h.Rest, new ShiftedTimeProvider(shift), NullLogger<BybitMarketSource>.Instance);
        using var stop = new CancellationTokenSource(TestSupport.Eventually.Floor);
        var bars = new List<Bar>();
        await foreach (var e in source.StreamAsync(stop.Token))
        {
            if (e is BarClosed closed)
            {
                bars.Add(closed.Bar);
            }

            if (bars.Count == 72)
            {
                break;
            }
        }

        return bars;
    }
}
