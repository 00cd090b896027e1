using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Tests.Hosting;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Market;

/// <summary>
/// Symbols beyond the configured ones, through the whole bot on the console, live on the three fake venues
/// over real sockets: names resolved against the venues' instrument lists, warm-up told then answered,
/// a symbol on one venue only, and subscriptions that bring their symbols back after a restart.
/// </summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class OnDemandBotTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task UnknownName_IsRefusedWithCloseMatches_AndNothingIsTracked()
    {
        await using var venues = await OnDemandVenues.StartAsync();
        await using var bot = await Bot.StartAsync(venues, _folder);

        var reply = await bot.AskAsync("/zones sool", "Unknown symbol");

        Assert.Equal("Unknown symbol 'sool': no USDT perpetual of that name on Bybit, Binance, OKX. Did you mean SOL?", reply);
        Assert.Equal("Unknown symbol 'solana': no USDT perpetual of that name on Bybit, Binance, OKX. Did you mean SOL?", await bot.AskAsync("/liqmap solana", "'solana'"));
        Assert.Null(bot.Markets.Find("SOLUSDT"));
        Assert.Equal(0, venues.BybitSubscribesOf("SOLUSDT"));
        Assert.Equal(
            "Symbols: BTCUSDT (btc), ETHUSDT (eth), and any USDT perpetual listed on Bybit, Binance, OKX by its coin (sol) or name; a new one is warmed up first.",
            await bot.AskAsync("/help", "Symbols: "));
    }

    [Fact]
    public async Task ListedSymbol_FirstRequest_IsWarmedUpOnEveryVenue_ThenAnswered()
    {
        await using var venues = await OnDemandVenues.StartAsync();
        await using var bot = await Bot.StartAsync(venues, _folder);

        var reply = await bot.AskAsync("/zones sol", "SOLUSDT 24h");

        var lines = bot.Output.Split('\n');
        var notice = Array.FindIndex(lines, l => l.StartsWith("Warming up SOLUSDT on Binance+Bybit+OKX from 1 day of history", StringComparison.Ordinal));
        var answer = Array.FindIndex(lines, l => l.StartsWith("SOLUSDT 24h", StringComparison.Ordinal));
        Assert.True(notice >= 0 && notice < answer, bot.Output);
        Assert.Matches(@"about \d+ s; the reply follows when ready\.$", lines[notice].TrimEnd());
        Assert.StartsWith("SOLUSDT 24h, Binance+Bybit+OKX, price ", reply, StringComparison.Ordinal);
        var sol = bot.Markets.Find("SOLUSDT")!;
        Assert.All(sol.Venues, v => Assert.True(sol.BookOf(v).BarCount > 200, $"{v.Name} has {sol.BookOf(v).BarCount} bars"));

        // Each venue's socket then carries it (a planned, gap-free reconnect with the symbol added; the history came before it).
        await Eventually.UntilAsync(() => venues.BybitSubscribesOf("SOLUSDT") > 0, "Bybit subscribing SOLUSDT");
        await Eventually.UntilAsync(() => venues.Binance.Host.ConnectedUrls.Any(u => u.Contains("solusdt@kline_1m", StringComparison.Ordinal)), "a Binance stream with SOLUSDT");
        await Eventually.UntilAsync(() => venues.Okx.Subscriptions.Any(s => s.EndsWith("candle1m SOL-USDT-SWAP", StringComparison.Ordinal)), "OKX subscribing SOL-USDT-SWAP");
        Assert.Equal(1, venues.BybitSubscribesOf("SOLUSDT"));

        // Asked again: answered at once, no second warm-up.
        await bot.AskAsync("/zones SOL-USDT-SWAP 7d", "SOLUSDT 7d");
        Assert.Single(bot.Output.Split('\n'), l => l.StartsWith("Warming up", StringComparison.Ordinal));
        Assert.Equal(1, venues.BybitSubscribesOf("SOLUSDT"));
    }

    [Fact]
    public async Task SymbolOnOneVenueOnly_IsTrackedThere_AndTheReplyNamesIt()
    {
        await using var venues = await OnDemandVenues.StartAsync();
        var port = FreeTcpPort.Pick();
        await using var bot = await Bot.StartAsync(venues, _folder, $"--Operations:Port={port}");
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var before = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var reply = await bot.AskAsync("/zones only", "ONLYUSDT 24h");

        Assert.Contains("Warming up ONLYUSDT on Bybit (not listed on Binance+OKX) from 1 day of history", bot.Output, StringComparison.Ordinal);
        Assert.StartsWith("ONLYUSDT 24h, Bybit, price ", reply, StringComparison.Ordinal);
        await Eventually.UntilAsync(() => venues.BybitSubscribesOf("ONLYUSDT") > 0, "Bybit subscribing ONLYUSDT");
        Assert.Equal(1, venues.BybitSubscribesOf("ONLYUSDT"));
        Assert.DoesNotContain(venues.Binance.Host.ConnectedUrls, u => u.Contains("onlyusdt", StringComparison.Ordinal));
        Assert.DoesNotContain(venues.Okx.Subscriptions, s => s.Contains("ONLY-USDT-SWAP", StringComparison.Ordinal));
        Assert.Equal("ONLYUSDT is not listed on OKX; it is read on Bybit.", await bot.AskAsync("/zones only 24h okx", "not listed on OKX"));

        // The configured BTCUSDT and ETHUSDT, then ONLYUSDT too, on Bybit alone (the exporter writes every series a gauge).
        var after = await http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        Assert.Contains("\nliqbot_tracked_symbols 2\n", before, StringComparison.Ordinal);
        Assert.Contains("\nliqbot_tracked_symbols 3\n", after, StringComparison.Ordinal);
        Assert.Contains("liqbot_tracked_symbol_books{venue=\"bybit\"} 2\n", before, StringComparison.Ordinal);
        Assert.Contains("liqbot_tracked_symbol_books{venue=\"bybit\"} 3\n", after, StringComparison.Ordinal);
        Assert.Contains("liqbot_tracked_symbol_books{venue=\"binance\"} 2\n", after, StringComparison.Ordinal);
        Assert.Contains("liqbot_tracked_symbol_books{venue=\"okx\"} 2\n", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubscribedSymbol_IsTrackedAgain_AfterARestart()
    {
        await using var venues = await OnDemandVenues.StartAsync();
        await using (var bot = await Bot.StartAsync(venues, _folder))
        {
            await bot.AskAsync("/subscribe xrp", "Subscribed to XRPUSDT");
        }

        var before = venues.BybitSubscribesOf("XRPUSDT");
        await using (var restarted = await Bot.StartAsync(venues, _folder))
        {
            await Eventually.UntilAsync(() => restarted.Markets.Find("XRPUSDT") is { } xrp && xrp.BookOf(LiqBot.Exchanges.Venue.Bybit).BarCount > 0, "XRPUSDT tracked and warm after the restart");
            await Eventually.UntilAsync(() => venues.BybitSubscribesOf("XRPUSDT") > before, "the restarted bot's Bybit socket subscribing XRPUSDT");
            Assert.Contains("XRPUSDT", restarted.Services.GetRequiredService<SymbolTracker>().OnDemand);
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>The bot in process on the console: lines typed in, replies read from its output.</summary>
    private sealed class Bot : IAsyncDisposable
    {
        private readonly IHost _host;
        private readonly FedReader _input;
        private readonly StringWriter _output;
        private readonly TextWriter _synchronized;
        private readonly string _previousDirectory;

        private Bot(IHost host, FedReader input, StringWriter output, TextWriter synchronized, string previousDirectory)
        {
            _host = host;
            _input = input;
            _output = output;
            _synchronized = synchronized;
            _previousDirectory = previousDirectory;
        }

        public IServiceProvider Services => _host.Services;

        public MarketRegistry Markets => Services.GetRequiredService<MarketRegistry>();

        public string Output
        {
            get
            {
                // TextWriter.Synchronized locks the wrapper on every write.
                lock (_synchronized)
                {
                    return _output.ToString();
                }
            }
        }

        public static async Task<Bot> StartAsync(OnDemandVenues venues, TempDirectory folder, params string[] more)
        {
            var previous = Directory.GetCurrentDirectory();
            Directory.SetCurrentDirectory(folder.Path);
            var input = new FedReader();
            var output = new StringWriter();
            var synchronized = TextWriter.Synchronized(output);
            var host = BotHost.Build(venues.Settings(folder.File("liqbot.db"), more), null, null, input, synchronized, RepoPaths.Root);
            await host.StartAsync();
            var bot = new Bot(host, input, output, synchronized, previous);
            var listed = host.Services.GetRequiredService<ListedSymbols>();
            await Eventually.UntilAsync(() => listed.Venues.Count == 3, "the three venues' instrument lists");
            var btc = bot.Markets.Find("BTCUSDT")!;
            await Eventually.UntilAsync(() => btc.VenuesIn(null).Count == 3, "the configured BTCUSDT warm on every venue (its warm-up times the estimate)");
            return bot;
        }

        /// <summary>Types a command and returns the first new output line containing <paramref name="expected"/>.</summary>
        public async Task<string> AskAsync(string command, string expected)
        {
            var seen = Output.Length;
            _input.Type(command);
            string? line = null;
            await Eventually.UntilAsync(() => (line = Output[seen..].Split('\n').FirstOrDefault(l => l.Contains(expected, StringComparison.Ordinal))) is not null, $"a reply to {command} with '{expected}'");
            return line!.TrimEnd('\r');
        }

        public async ValueTask DisposeAsync()
        {
            _input.EndInput();
            await _host.StopAsync();
            _host.Dispose();
            Directory.SetCurrentDirectory(_previousDirectory);
        }
    }
}
