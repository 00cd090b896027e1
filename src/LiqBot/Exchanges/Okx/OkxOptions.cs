using System.ComponentModel.DataAnnotations;

namespace LiqBot.Exchanges.Okx;

/// <summary>The "Okx" section (v5 perpetual swaps). Every URL is configurable so tests point at the fake.</summary>
public sealed class OkxOptions : VenueOptions
{
    public const string Section = "Okx";

    /// <summary>The rubik history keeps 1,440 rows: 5 days at 5 minutes. Older bars have no open interest to open cohorts with.</summary>
    public static readonly TimeSpan OpenInterestHistoryDepth = TimeSpan.FromDays(5);

    public OkxOptions()
    {
        // The tightest endpoint used, rubik open-interest history, allows 10 requests per 2 s.
        RequestsPerWindow = 10;
        RequestWindow = TimeSpan.FromSeconds(2);
    }

    public string RestUrl { get; set; } = "https://www.okx.com";

    /// <summary>trades, open-interest, liquidation-orders.</summary>
    public string PublicStreamUrl { get; set; } = "wss://ws.okx.com:8443/ws/v5/public";

    /// <summary>candle1m.</summary>
    public string BusinessStreamUrl { get; set; } = "wss://ws.okx.com:8443/ws/v5/business";

    internal override string SectionName => Section;

    protected override IEnumerable<ValidationResult> Check()
    {
        var urls = new[]
        {
            Url(nameof(RestUrl), RestUrl, "http", "https"),
            Url(nameof(PublicStreamUrl), PublicStreamUrl, "ws", "wss"),
            Url(nameof(BusinessStreamUrl), BusinessStreamUrl, "ws", "wss"),
        };
        foreach (var problem in urls.OfType<ValidationResult>())
        {
            yield return problem;
        }

        if (IdleTimeout + ReplyTimeout >= TimeSpan.FromSeconds(30))
        {
            yield return new ValidationResult("Okx:IdleTimeout plus Okx:ReplyTimeout must stay under 30 seconds (OKX drops a connection silent for 30 s).", [nameof(IdleTimeout)]);
        }
    }
}
