namespace LiqBot.Engine.Market;

/// <summary>
/// A closed bar. Open interest is USD notional of one side at the close. Taker volumes, VWAP and
/// realized liquidations are null when the source does not know them.
/// </summary>
public readonly record struct Bar(
    DateTimeOffset OpenTime,
    TimeSpan Duration,
    double Open,
    double High,
    double Low,
    double Close,
    double OpenInterestUsd,
    double? Vwap = null,
    double? TakerBuyUsd = null,
    double? TakerSellUsd = null,
    double? LiquidatedLongUsd = null,
    double? LiquidatedShortUsd = null)
{
    public DateTimeOffset CloseTime => OpenTime + Duration;

    /// <summary>Where new positions are assumed to enter: VWAP when known, else the typical price.</summary>
    public double EntryPrice => Vwap ?? (High + Low + Close) / 3.0;
}
