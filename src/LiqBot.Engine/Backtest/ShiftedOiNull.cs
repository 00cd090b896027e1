namespace LiqBot.Engine.Backtest;

/// <summary>
/// Where the real OI series ranks (1 = best) among itself and its shifted copies, on the partial
/// given the move and on the partial given the move and breakout; p = rank / copies; and the
/// median partials of the shifted copies.
/// </summary>
public sealed record ShiftedOiNull(int Copies, int Rank, double P, double MedianPartial, int BreakoutRank, double BreakoutP, double MedianBreakoutPartial);
