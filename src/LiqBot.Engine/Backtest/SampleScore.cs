using System.Diagnostics.CodeAnalysis;
namespace LiqBot.Engine.Backtest;

/// <summary>Scores of one window, per side, with the number of bars and days scored.</summary>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Long and short are the trading words for the two sides, not type names.")]
public sealed record SampleScore(int Bars, int Days, SideScore Long, SideScore Short);
