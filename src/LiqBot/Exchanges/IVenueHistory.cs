namespace LiqBot.Exchanges;

/// <summary>What a venue's REST history offers the neutral <see cref="HistoryBackfiller"/>.</summary>
internal interface IVenueHistory
{
    /// <summary>Klines of <paramref name="step"/> (1 or 5 minutes) with open time in [start, end], oldest first.</summary>
    Task<List<KlineRow>> GetKlinesAsync(string symbol, TimeSpan step, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>5-minute open interest in [start, end], oldest first, deduplicated.</summary>
    Task<List<OpenInterestPoint>> GetOpenInterestAsync(string symbol, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>USD of one side for a reading taken at the close of <paramref name="kline"/>.</summary>
    double OpenInterestUsd(double reading, in KlineRow kline);
}
