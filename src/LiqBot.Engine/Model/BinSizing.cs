namespace LiqBot.Engine.Model;

/// <summary>Picks a round price bin: about 0.1 % of price, rounded to 1, 2 or 5 x 10^k dollars.</summary>
public static class BinSizing
{
    public static double Auto(double price)
    {
        if (!(price > 0) || double.IsInfinity(price))
        {
            throw new ArgumentOutOfRangeException(nameof(price), price, "A bin size needs a positive, finite price.");
        }

        var target = price * 0.001;
        var decade = Math.Pow(10, Math.Floor(Math.Log10(target)));
        var mantissa = target / decade;
        var step = mantissa switch
        {
            < 1.5 => 1.0,
            < 3.5 => 2.0,
            < 7.5 => 5.0,
            _ => 10.0,
        };
        return step * decade;
    }
}
