namespace LiqBot.Engine.Backtest;

/// <summary>The values of chosen rows, in the order chosen (a window's rows, or a bootstrap draw).</summary>
internal static class RowPicking
{
    public static double[] Pick(this double[] values, int[] rows)
    {
        var picked = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            picked[i] = values[rows[i]];
        }

        return picked;
    }
}
