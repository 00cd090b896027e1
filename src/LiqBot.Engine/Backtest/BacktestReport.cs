namespace LiqBot.Engine.Backtest;

/// <summary>How well the estimated map anticipated realized liquidations, before and after the split.</summary>
public sealed record BacktestReport(int Bars, DateTimeOffset Split, SampleScore InSample, SampleScore OutOfSample);

/// <summary>Scores of one sample, per side, with the number of bars scored.</summary>
public sealed record SampleScore(int Bars, SideScore Long, SideScore Short);

/// <summary>
/// Spearman of realized on predicted; the same for the move-only baseline; and the partial
/// Spearman of realized on predicted given the baseline (what the map adds beyond the move).
/// </summary>
public sealed record SideScore(double Spearman, double BaselineSpearman, double PartialSpearman);
