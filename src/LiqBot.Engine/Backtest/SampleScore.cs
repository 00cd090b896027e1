namespace LiqBot.Engine.Backtest;

/// <summary>Scores of one window, per side, with the number of bars and days scored.</summary>
public sealed record SampleScore(int Bars, int Days, SideScore Long, SideScore Short);
