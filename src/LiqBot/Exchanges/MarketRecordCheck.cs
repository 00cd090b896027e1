using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Exchanges;

/// <summary>
/// The rules a market record must pass before it reaches the engine, whatever the venue. Stateful
/// per symbol: order and open-interest jumps are judged against the last record let through.
/// </summary>
internal sealed class MarketRecordCheck
{
    /// <summary>No market has moved one-sided open interest by half (or doubled it) within one bar; a cut or mis-scaled value does.</summary>
    public const double MaxOpenInterestFactor = 2.0;

    /// <summary>After this many jumps in a row at a consistent new level, the new level is believed (the venue rescaled, or we were wrong).</summary>
    private const int JumpsBeforeRebase = 3;

    private readonly Dictionary<string, SymbolState> _symbols = new(StringComparer.Ordinal);

    /// <summary>Null when the record may go to the engine; else why not.</summary>
    public SkippedRecordKind? Problem(MarketEvent marketEvent)
    {
        if (!_symbols.TryGetValue(marketEvent.Symbol, out var state))
        {
            _symbols[marketEvent.Symbol] = state = new SymbolState();
        }

        return marketEvent switch
        {
            BarClosed closed => CheckBar(closed.Bar, state),
            LiquidationReported reported => CheckLiquidation(reported.Liquidation, state),
            PriceTicked tick => !IsPositive(tick.Price) ? SkippedRecordKind.BadPrice
                : state.LastBarOpen is { } open && tick.Time < open ? SkippedRecordKind.OutOfOrder
                : null,
            _ => null,
        };
    }

    private static SkippedRecordKind? CheckLiquidation(in RealizedLiquidation liquidation, SymbolState state) =>
        !IsPositive(liquidation.Price) ? SkippedRecordKind.BadPrice
        : !IsPositive(liquidation.NotionalUsd) ? SkippedRecordKind.BadAmount
        : state.LastBarOpen is { } open && liquidation.Time < open ? SkippedRecordKind.OutOfOrder
        : null;

    /// <summary>True when open interest moved further in one bar than any market moves it.</summary>
    public static bool IsOpenInterestJump(double before, double after) => !WithinFactor(after, before);

    private static SkippedRecordKind? CheckBar(in Bar bar, SymbolState state)
    {
        // The engine's own guard names the fault; the filter only sorts it into the kinds it counts.
        switch (BarCheck.Fault(bar))
        {
            case BarFault.BadPrice or BarFault.BadVwap:
                return SkippedRecordKind.BadPrice;
            case BarFault.OutsideRange:
                return SkippedRecordKind.BarRange;
            case BarFault.BadOpenInterest or BarFault.BadVolume:
                return SkippedRecordKind.BadAmount;
            case BarFault.NonPositiveDuration:
                return SkippedRecordKind.OutOfOrder;
        }

        if (state.LastBarClose is { } lastClose && bar.OpenTime < lastClose)
        {
            return SkippedRecordKind.OutOfOrder;
        }

        if (state.OpenInterest is { } previous && !WithinFactor(bar.OpenInterestUsd, previous))
        {
            var consistent = state.JumpLevel is { } level && WithinFactor(bar.OpenInterestUsd, level);
            state.JumpsInARow = consistent ? state.JumpsInARow + 1 : 1;
            state.JumpLevel = bar.OpenInterestUsd;
            if (state.JumpsInARow < JumpsBeforeRebase)
            {
                return SkippedRecordKind.OpenInterestJump;
            }
        }

        state.JumpsInARow = 0;
        state.JumpLevel = null;
        state.OpenInterest = bar.OpenInterestUsd;
        state.LastBarOpen = bar.OpenTime;
        state.LastBarClose = bar.CloseTime;
        return null;
    }

    private static bool WithinFactor(double value, double reference) => value <= reference * MaxOpenInterestFactor && value >= reference / MaxOpenInterestFactor;

    private static bool IsPositive(double value) => value > 0 && double.IsFinite(value);

    private sealed class SymbolState
    {
        public DateTimeOffset? LastBarOpen { get; set; }

        public DateTimeOffset? LastBarClose { get; set; }

        public double? OpenInterest { get; set; }

        public double? JumpLevel { get; set; }

        public int JumpsInARow { get; set; }
    }
}
