using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>Tells why a bar cannot be used, or null when it can.</summary>
public static class BarCheck
{
    private const double Tolerance = 1e-9;

    public static string? Problem(in Bar bar)
    {
        if (bar.Duration <= TimeSpan.Zero)
        {
            return $"bar at {bar.OpenTime:O} has a non-positive duration";
        }

        if (!IsPositive(bar.Open) || !IsPositive(bar.High) || !IsPositive(bar.Low) || !IsPositive(bar.Close))
        {
            return $"bar at {bar.OpenTime:O} has a price that is not a positive number";
        }

        var slack = bar.High * Tolerance;
        if (bar.Low > bar.High || bar.Open > bar.High + slack || bar.Close > bar.High + slack || bar.Open < bar.Low - slack || bar.Close < bar.Low - slack)
        {
            return $"bar at {bar.OpenTime:O} has open/close outside its low..high";
        }

        if (!IsPositive(bar.OpenInterestUsd))
        {
            return $"bar at {bar.OpenTime:O} has open interest that is not a positive number";
        }

        if (bar.Vwap is { } vwap && !IsPositive(vwap))
        {
            return $"bar at {bar.OpenTime:O} has a VWAP that is not a positive number";
        }

        return NegativeOrNaN(bar.TakerBuyUsd) || NegativeOrNaN(bar.TakerSellUsd) || NegativeOrNaN(bar.LiquidatedLongUsd) || NegativeOrNaN(bar.LiquidatedShortUsd)
            ? $"bar at {bar.OpenTime:O} has a negative or missing volume"
            : null;
    }

    private static bool IsPositive(double value) => value > 0 && !double.IsInfinity(value);

    private static bool NegativeOrNaN(double? value) => value is { } v && (v < 0 || double.IsNaN(v) || double.IsInfinity(v));
}
