using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// Merges a ticker stream field by field: a snapshot replaces the state, a delta overwrites only the
/// fields it carries (protocols.md 1.4: a missing field has not changed).
/// </summary>
internal sealed class TickerMerger
{
    private readonly double?[] _fields = new double?[Enum.GetValues<TickerField>().Length];

    public DateTimeOffset Time { get; private set; }

    public bool HasSnapshot { get; private set; }

    public double? this[TickerField field] => _fields[(int)field];

    /// <summary>
    /// Open interest in USD for one side: singleOpenInterestValue when sent; otherwise openInterestValue,
    /// or openInterest x lastPrice. The REST warm start uses the same rule so both agree.
    /// </summary>
    public double? OpenInterestUsd =>
        this[TickerField.SingleOpenInterestValue]
        ?? this[TickerField.OpenInterestValue]
        ?? this[TickerField.OpenInterest] * this[TickerField.LastPrice];

    public void Begin(bool snapshot)
    {
        if (snapshot)
        {
            Array.Clear(_fields);
            HasSnapshot = true;
        }
    }

    public void Set(TickerField field, double? value) => _fields[(int)field] = value;

    public void End(DateTimeOffset time) => Time = time;

    public TickerState ToState() =>
        new(Time, this[TickerField.LastPrice], this[TickerField.MarkPrice], OpenInterestUsd, this[TickerField.FundingRate]);
}
