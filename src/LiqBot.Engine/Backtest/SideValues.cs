using LiqBot.Engine.Market;

namespace LiqBot.Engine.Backtest;

/// <summary>One value per scored row for each side.</summary>
internal sealed record SideValues(double[] Long, double[] Short)
{
    public static SideValues Create(int rows) => new(new double[rows], new double[rows]);

    public double[] Of(PositionSide side) => side == PositionSide.Long ? Long : Short;
}
