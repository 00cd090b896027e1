namespace LiqBot.Rendering;

/// <summary>"Nice" axis tick values: steps of 1, 2, 2.5 or 5 x 10^k.</summary>
internal static class AxisTicks
{
    public static double NiceStep(double span, int maxTicks)
    {
        if (!(span > 0) || maxTicks < 1)
        {
            return 1;
        }

        var raw = span / maxTicks;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var multiple in (ReadOnlySpan<double>)[1, 2, 2.5, 5, 10])
        {
            if (multiple * power >= raw)
            {
                return multiple * power;
            }
        }

        return 10 * power;
    }

    /// <summary>Multiples of a nice step within [min, max], at most about <paramref name="maxTicks"/> of them.</summary>
    public static List<double> Between(double min, double max, int maxTicks, out double step)
    {
        step = NiceStep(max - min, maxTicks);
        var ticks = new List<double>();
        for (var tick = Math.Ceiling(min / step) * step; tick <= max + (step * 1e-9); tick += step)
        {
            ticks.Add(Math.Round(tick / step) * step);
        }

        return ticks;
    }

    /// <summary>Decimals a price label in thousands needs so that ticks <paramref name="step"/> apart read differently (2,500 -> 1: "92.5k").</summary>
    public static int ThousandsDecimals(double step)
    {
        var decimals = 0;
        while (decimals < 3 && Math.Abs((step / 1000 * Math.Pow(10, decimals)) - Math.Round(step / 1000 * Math.Pow(10, decimals))) > 1e-6)
        {
            decimals++;
        }

        return decimals;
    }
}
