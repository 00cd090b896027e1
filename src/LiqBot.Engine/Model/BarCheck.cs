using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>Tells why a bar cannot be used, or null when it can.</summary>
public static class BarCheck
{
    private const double Tolerance = 1e-9;

    /// <summary>The first fault of the bar, null when it can be used.</summary>
    public static BarFault? Fault(in Bar bar)
    {
        if (bar.Duration <= TimeSpan.Zero)
        {
            return BarFault.NonPositiveDuration;
        }

        if (!IsPositive(bar.Open) || !IsPositive(bar.High) || !IsPositive(bar.Low) || !IsPositive(bar.Close))
        {
            return BarFault.BadPrice;
        }

        var slack = bar.High * Tolerance;
        if (bar.Low > bar.High || bar.Open > bar.High + slack || bar.Close > bar.High + slack || bar.Open < bar.Low - slack || bar.Close < bar.Low - slack)
        {
            return BarFault.OutsideRange;
        }

        if (!IsPositive(bar.OpenInterestUsd))
        {
            return BarFault.BadOpenInterest;
        }

        if (bar.Vwap is { } vwap && !IsPositive(vwap))
        {
            return BarFault.BadVwap;
        }

        return NegativeOrNaN(bar.TakerBuyUsd) || NegativeOrNaN(bar.TakerSellUsd) || NegativeOrNaN(bar.LiquidatedLongUsd) || NegativeOrNaN(bar.LiquidatedShortUsd)
            ? BarFault.BadVolume
            : null;
    }

    public static string? Problem(in Bar bar) => Fault(bar) switch
    {
        null => null,
        BarFault.NonPositiveDuration => $"bar at {bar.OpenTime:O} has a non-positive duration",
        BarFault.BadPrice => $"bar at {bar.OpenTime:O} has a price that is not a positive number",
        BarFault.OutsideRange => $"bar at {bar.OpenTime:O} has open/close outside its low..high",
        BarFault.BadOpenInterest => $"bar at {bar.OpenTime:O} has open interest that is not a positive number",
        BarFault.BadVwap => $"bar at {bar.OpenTime:O} has a VWAP that is not a positive number",
        _ => $"bar at {bar.OpenTime:O} has a negative or missing volume",
    };

    private static bool IsPositive(double value) => value > 0 && !double.IsInfinity(value);

    private static bool NegativeOrNaN(double? value) => value is { } v && (v < 0 || double.IsNaN(v) || double.IsInfinity(v));
}
