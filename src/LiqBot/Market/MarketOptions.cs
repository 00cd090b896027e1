namespace LiqBot.Market;

/// <summary>Section "Market": which symbols, and where their data comes from.</summary>
internal sealed class MarketOptions
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
    public TimeSpan FeedRestartBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan FeedRestartMaxDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long auto waits for the venues before falling back to the replay file.</summary>
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(3);
}
