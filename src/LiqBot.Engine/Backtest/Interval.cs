namespace LiqBot.Engine.Backtest;

/// <summary>A 95 % confidence interval.</summary>
public sealed record Interval(double Low, double High);
