using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Backtest;

/// <summary>A day's open: the price, the largest zones of the map then, and how far price went within the horizon.</summary>
internal sealed record DayOpen(DateTimeOffset Time, double Price, IReadOnlyList<Zone> Zones, double LowestAhead, double HighestAhead);
