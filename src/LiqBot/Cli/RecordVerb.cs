using System.CommandLine;
using System.Globalization;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;
using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace LiqBot.Cli;

/// <summary>
/// `record --symbol S --duration D --out FILE.jsonl.gz [--history D]`: every venue of Market:Venues, as the
/// live bot reads them, into one version 2 recording for replay and the data verbs. The duration counts from
/// the first live event; Ctrl+C stops early and still closes a whole file.
/// </summary>
internal static class RecordVerb
{
    private static readonly string[] OwnOptions = ["--symbol", "--duration", "--out", "--history"];

    public static Command Create(TextWriter stdout, IConfiguration? configuration = null)
    {
        var symbol = new Option<string[]>("--symbol") { Description = "Symbols, e.g. btc or BTCUSDT (repeat or separate with commas).", Required = true, AllowMultipleArgumentsPerToken = true };
        var duration = new Option<string>("--duration") { Description = "How long to record live, counted from the first live event (after the history): 30s, 5m, 2h, 1d or hh:mm:ss. Ctrl+C stops early and keeps the file.", Required = true };
        var output = new Option<string>("--out") { Description = "Output file (gzip JSON lines), e.g. btc.jsonl.gz", Required = true };
        var history = new Option<string?>("--history") { Description = "REST history recorded first, as the bot's warm start (default: each venue's WarmStart, 7 days)." };
        var command = new Command("record", "Records what every configured venue delivers, history included, for replay and the data verbs.") { symbol, duration, output, history };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction(async (parse, cancellationToken) =>
        {
            ConfigurationOverrides.Check(parse.UnmatchedTokens, OwnOptions);
            var symbols = parse.GetValue(symbol)!.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries)).Select(DataArguments.ResolveSymbol).Distinct().ToList();
            var length = ParseDuration(parse.GetValue(duration)!);
            var path = parse.GetValue(output)!;
            var settings = WithHistory(configuration ?? BuildConfiguration(parse.UnmatchedTokens), parse.GetValue(history));
            var market = settings.GetSection(MarketOptions.Section).Get<MarketOptions>() ?? new MarketOptions();
            market.Symbols = symbols;
            var venues = Venues(market);
            await using var services = Services(settings, market, venues);
            var feeds = services.GetRequiredService<VenueFeeds>();
            var time = services.GetRequiredService<TimeProvider>();
            var error = parse.InvocationConfiguration.Error;
            RecordedSpan span;
            await using (var writer = await RecordingWriter.CreateAsync(path, new RecordingHeader(RecordingHeader.CurrentVersion, venues, symbols, time.GetUtcNow().ToUnixTimeMilliseconds()), cancellationToken))
            {
                span = await MarketRecorder.RecordAsync(feeds, length, writer, time, from => error.WriteLine($"liqbot: live from {Clock(from)}, recording {Span(length)} (Ctrl+C stops early and keeps the file)"), cancellationToken);
            }

            var names = string.Join(", ", symbols);
            var live = span.Live;
            if (live.Values.Sum() == 0)
            {
                File.Delete(path); // a recording without live data would only disappoint later, far from its cause
                var waited = span.Stopped ? "before Ctrl+C" : $"in {Span(length > MarketRecorder.LiveWait ? length : MarketRecorder.LiveWait)}";
                await error.WriteLineAsync($"liqbot: no live {names} data arrived from {string.Join(", ", venues.Select(v => v.Name))} {waited}; nothing was written.");
                return ExitCodes.Failure;
            }

            var counts = string.Join(", ", venues.Select(v => string.Create(CultureInfo.InvariantCulture, $"{v.Name} {live[v]:N0}")));
            var stopped = span.Stopped ? $", stopped by Ctrl+C after {Span(span.LiveFor)} of {Span(length)}" : string.Empty;
            await stdout.WriteLineAsync($"recorded {names} to {path}: live events {counts}{Silent(venues, live)}{stopped}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static TimeSpan ParseDuration(string text, string option = "--duration")
    {
        text = text.Trim();
        if (text.Length > 1 && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0)
        {
            TimeSpan? value = char.ToLowerInvariant(text[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                _ => null,
            };
            if (value is { } v)
            {
                return v;
            }
        }

        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var span) && span > TimeSpan.Zero)
        {
            return span;
        }

        throw new UsageException($"{option} '{text}' is not a duration (try 30s, 5m, 2h or hh:mm:ss).");
    }

    private static string Clock(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";

    /// <summary>"5m", "1h30m", "45s": whole seconds.</summary>
    private static string Span(TimeSpan span)
    {
        var parts = new List<string>();
        if (span.TotalHours >= 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}h"));
        }

        if (span.Minutes > 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}m"));
        }

        if (span.Seconds > 0 || parts.Count == 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{span.Seconds}s"));
        }

        return string.Concat(parts);
    }

    private static string Silent(IEnumerable<Venue> venues, Dictionary<Venue, long> live) =>
        venues.Where(v => live[v] == 0).Select(v => v.Name).ToList() is { Count: > 0 } silent ? $" ({string.Join(", ", silent)} delivered nothing live)" : string.Empty;

    /// <summary>--history sets every venue's WarmStart, so the recording starts with the history the bot would have loaded.</summary>
    private static IConfiguration WithHistory(IConfiguration configuration, string? history)
    {
        if (history is null)
        {
            return configuration;
        }

        var span = ParseDuration(history, "--history").ToString("c", CultureInfo.InvariantCulture);
        return new ConfigurationBuilder()
            .AddConfiguration(configuration)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Bybit:WarmStart"] = span, ["Binance:WarmStart"] = span, ["Okx:WarmStart"] = span })
            .Build();
    }

    private static List<Venue> Venues(MarketOptions market)
    {
        try
        {
            return MarketSourceChoice.Venues(market);
        }
        catch (InvalidOperationException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>The venues' live sources wired as the bot wires them, with their settings checked now (a bad one is one line, exit 2).</summary>
    private static ServiceProvider Services(IConfiguration configuration, MarketOptions market, IReadOnlyList<Venue> venues)
    {
        var services = new ServiceCollection();
        services.AddLogging(b => b
            .SetMinimumLevel(LogLevel.Warning)
            .AddConsole(o =>
            {
                o.LogToStandardErrorThreshold = LogLevel.Trace;
                o.FormatterName = TerseConsoleFormatter.FormatterName;
            })
            .AddConsoleFormatter<TerseConsoleFormatter, ConsoleFormatterOptions>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddJitter();
        MarketSourceChoice.AddLive(services, configuration, market, venues);
        var provider = services.BuildServiceProvider();
        try
        {
            _ = provider.GetRequiredService<VenueFeeds>();
            return provider;
        }
        catch (OptionsValidationException e)
        {
            provider.Dispose();
            throw new UsageException(e.Message);
        }
    }

    private static IConfiguration BuildConfiguration(IReadOnlyList<string> overrides) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. overrides])
            .Build();
}
