using System.CommandLine;
using System.Globalization;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Replay;
using LiqBot.Resilience;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Cli;

/// <summary>`record --symbol S --duration D --out FILE.jsonl.gz`: raw live Bybit frames, for replay.</summary>
internal static class RecordVerb
{
    public static Command Create(TextWriter stdout, IConfiguration? configuration = null, ILogger? logger = null)
    {
        var symbol = new Option<string>("--symbol") { Description = "Linear symbol, e.g. BTCUSDT", Required = true };
        var duration = new Option<string>("--duration") { Description = "How long to record: 30s, 5m, 2h, 1d or hh:mm:ss", Required = true };
        var output = new Option<string>("--out") { Description = "Output file (gzip JSON lines), e.g. btc.jsonl.gz", Required = true };
        var command = new Command("record", "Record live Bybit frames of a symbol for replay.") { symbol, duration, output };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var symbols = new[] { DataArguments.ResolveSymbol(parse.GetValue(symbol)!) };
            var length = ParseDuration(parse.GetValue(duration)!);
            var path = parse.GetValue(output)!;
            var options = LoadOptions(configuration ?? BuildConfiguration());
            long frames;
            await using (var writer = new RecordingWriter(path))
            {
                var recorder = new BybitRecorder(options, TimeProvider.System, logger ?? NullLogger.Instance, new Jitter());
                frames = await recorder.RecordAsync(symbols, length, writer, cancellationToken);
            }

            if (frames == 0)
            {
                File.Delete(path); // an empty recording would only fail later, far from its cause
                await parse.InvocationConfiguration.Error.WriteLineAsync($"liqbot: no {symbols[0]} frames arrived from {options.StreamUrl} in {length}; nothing was written.");
                return ExitCodes.Failure;
            }

            await stdout.WriteLineAsync($"recorded {frames} frames of {symbols[0]} to {path}");
            return ExitCodes.Success;
        });
        return command;
    }

    public static TimeSpan ParseDuration(string text)
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

        throw new UsageException($"--duration '{text}' is not a duration (try 30s, 5m, 2h or hh:mm:ss).");
    }

    private static BybitOptions LoadOptions(IConfiguration configuration)
    {
        var options = new BybitOptions();
        configuration.GetSection(BybitOptions.Section).Bind(options);
        var result = new BybitOptionsValidator().Validate(null, options);
        if (result.Failed)
        {
            throw new UsageException(result.FailureMessage);
        }

        return options;
    }

    private static IConfiguration BuildConfiguration() =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .Build();
}
