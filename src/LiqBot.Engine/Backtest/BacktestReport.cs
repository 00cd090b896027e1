namespace LiqBot.Engine.Backtest;

/// <summary>
/// How well the estimated map anticipated realized liquidations, before and after the split (a
/// window without scored bars is null), with how its intervals and nulls were drawn.
/// </summary>
public sealed record BacktestReport(int Bars, DateTimeOffset Split, SampleScore? InSample, SampleScore? OutOfSample, int BootstrapDraws, int Seed, int ShiftedCopies);
