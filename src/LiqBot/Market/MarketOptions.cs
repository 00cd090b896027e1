using System.ComponentModel.DataAnnotations;
using System.Globalization;
using LiqBot.Hosting;

namespace LiqBot.Market;

/// <summary>Section "Market": which symbols, and where their data comes from. Checked by <see cref="MarketOptionsValidator"/>.</summary>
internal sealed class MarketOptions : IValidatableObject
{
    public const string Section = "Market";

    /// <summary>Linear perpetuals to follow, e.g. BTCUSDT and ETHUSDT.</summary>
    public List<string> Symbols { get; set; } = [];

    /// <summary>Venues read side by side when live: bybit, binance, okx (empty: all three).</summary>
    public List<string> Venues { get; set; } = [];

    /// <summary>auto (the venues when one answers, else the replay file), live, bybit (live, Bybit alone), or replay.</summary>
    public string Source { get; set; } = "auto";

    /// <summary>A bar CSV or a recording, replayed when Source is replay (or auto and Bybit is unreachable).</summary>
    public string ReplayFile { get; set; } = "samples/btc-30m-oi-liquidations-2026-05-21_2026-06-07.csv";

    /// <summary>The symbol a bar CSV belongs to (CSV files do not say).</summary>
    public string ReplaySymbol { get; set; } = "BTCUSDT";

    /// <summary>"max" (as fast as possible) or a factor of real time, like 60.</summary>
    public string ReplaySpeed { get; set; } = "max";

    /// <summary>First wait before a failed live feed is started again; doubles (with jitter) up to <see cref="FeedRestartMaxDelay"/>.</summary>
    [SettingRange("Market:FeedRestartBaseDelay", typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan FeedRestartBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    [SettingRange("Market:FeedRestartMaxDelay", typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan FeedRestartMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long auto waits for the venues before falling back to the replay file.</summary>
    [SettingRange("Market:ProbeTimeout", typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>At most this many symbols tracked at once, the configured ones included (each holds its books in memory).</summary>
    [SettingRange("Market:MaxSymbols", 1, 500)]
    public int MaxSymbols { get; set; } = 20;

    /// <summary>A symbol asked for on demand is released after this long without a command, unless a chat subscribes to it.</summary>
    [SettingRange("Market:SymbolIdleTime", typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan SymbolIdleTime { get; set; } = TimeSpan.FromHours(2);

    /// <summary>How often the venues' instrument lists are read again (new listings, delistings).</summary>
    [SettingRange("Market:InstrumentRefresh", typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan InstrumentRefresh { get; set; } = TimeSpan.FromHours(6);

    /// <summary>A warm-up that takes longer answers with what it has by then (the map fills in as history arrives).</summary>
    [SettingRange("Market:WarmUpTimeout", typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan WarmUpTimeout { get; set; } = TimeSpan.FromSeconds(90);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Source.Trim().ToLowerInvariant() is not ("auto" or "live" or "bybit" or "replay"))
        {
            yield return new ValidationResult($"Market:Source '{Source}' is not one of auto, live, bybit, replay.", [nameof(Source)]);
        }

        if (Venues.FirstOrDefault(v => v.Trim().ToLowerInvariant() is not ("bybit" or "binance" or "okx")) is { } venue)
        {
            yield return new ValidationResult($"Market:Venues '{venue}' is not one of bybit, binance, okx.", [nameof(Venues)]);
        }

        if (!ReplaySpeed.Equals("max", StringComparison.OrdinalIgnoreCase)
            && !(double.TryParse(ReplaySpeed, NumberStyles.Float, CultureInfo.InvariantCulture, out var factor) && factor > 0 && double.IsFinite(factor)))
        {
            yield return new ValidationResult($"Market:ReplaySpeed must be a positive number or 'max', not '{ReplaySpeed}'.", [nameof(ReplaySpeed)]);
        }

        if (Symbols.Count > MaxSymbols)
        {
            yield return new ValidationResult($"Market:Symbols lists {Symbols.Count} symbols, more than Market:MaxSymbols ({MaxSymbols}).", [nameof(Symbols)]);
        }

        if (Symbols.FirstOrDefault(s => string.IsNullOrWhiteSpace(s) || !s.All(char.IsAsciiLetterOrDigit)) is { } symbol)
        {
            yield return new ValidationResult($"Market:Symbols '{symbol}' is not a symbol like BTCUSDT.", [nameof(Symbols)]);
        }
    }
}
