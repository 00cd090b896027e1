using System.ComponentModel.DataAnnotations;
using LiqBot.Hosting;

namespace LiqBot.Exchanges.Binance;

/// <summary>The "Binance" section (USDⓈ-M futures). Every URL is configurable so tests point at the fake.</summary>
public sealed class BinanceOptions : VenueOptions
{
    public const string Section = "Binance";

    /// <summary>Binance keeps open-interest history for the last month only.</summary>
    public static readonly TimeSpan OpenInterestHistoryDepth = TimeSpan.FromDays(30);

    public BinanceOptions()
    {
        // Request weight is 2400 a minute per IP; 200 requests of at most weight 10 stay under it.
        RequestsPerWindow = 200;
        RequestWindow = TimeSpan.FromMinutes(1);

        // markPrice@1s sends a frame a second: 10 s of silence means a dead connection.
        IdleTimeout = TimeSpan.FromSeconds(10);
    }

    public string RestUrl { get; set; } = "https://fapi.binance.com";

    /// <summary>The routed /market path (the legacy root delivers nothing since 2026-04-23); the client appends /stream?streams=...</summary>
    public string StreamUrl { get; set; } = "wss://fstream.binance.com/market";

    /// <summary>Binance cuts a connection after 24 hours: reconnect (planned, at a minute's close) before that.</summary>
    [SectionRange(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan ConnectionLifetime { get; set; } = TimeSpan.FromHours(23);

    internal override string SectionName => Section;

    protected override IEnumerable<ValidationResult> Check() =>
        new[] { Url(nameof(RestUrl), RestUrl, "http", "https"), Url(nameof(StreamUrl), StreamUrl, "ws", "wss") }.OfType<ValidationResult>();
}
