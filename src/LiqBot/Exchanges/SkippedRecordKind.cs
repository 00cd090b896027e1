namespace LiqBot.Exchanges;

/// <summary>Why a market record was kept from the engine; one counter and one rate-limited warning each.</summary>
public enum SkippedRecordKind
{
    /// <summary>High below low, or open/close outside low..high.</summary>
    BarRange,

    /// <summary>A price that is NaN, infinite, zero or negative.</summary>
    BadPrice,

    /// <summary>Open interest, a volume or a liquidation size that is NaN, infinite or negative (or zero open interest).</summary>
    BadAmount,

    /// <summary>Open interest moved by more than any market moves in one bar.</summary>
    OpenInterestJump,

    /// <summary>A bar opening before the last bar closed, or a tick or liquidation older than the last bar.</summary>
    OutOfOrder,
}
