namespace LiqBot.Engine.Backtest;

/// <summary>The rows of one window and side: what happened, what the map said, and the price-only controls.</summary>
internal sealed record SideColumns(double[] Realized, double[] Predicted, double[] Move, double[] Breakout, double[] DistanceOnly, int[] Day);
