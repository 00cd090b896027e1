using LiqBot.Engine.Model;

namespace LiqBot.Engine.Backtest;

/// <summary>How the backtest scores the map: warm-up, resampling, nulls and the zone check.</summary>
public sealed record BacktestOptions
{
    /// <summary>Bars in this first span only build the book; scoring starts after it.</summary>
    public TimeSpan WarmUp { get; init; } = TimeSpan.FromDays(1);

    /// <summary>Block-bootstrap draws of whole days for the 95 % intervals.</summary>
    public int BootstrapDraws { get; init; } = 1_000;

    /// <summary>Seed of the resampling, so a report can be reproduced.</summary>
    public int Seed { get; init; } = 15;

    /// <summary>The real OI series plus its circular shifts by k x n / copies bars, k = 1 .. copies - 1.</summary>
    public int ShiftedCopies { get; init; } = 20;

    /// <summary>A breakout: the bar's low (high) beyond the lowest low (highest high) of this many previous bars.</summary>
    public int BreakoutLookbackBars { get; init; } = 4;

    /// <summary>The map window whose zones are checked at each day's open (the chat's default).</summary>
    public TimeWindow ZoneWindow { get; init; } = TimeWindow.H24;

    /// <summary>The largest zones (both sides together) checked at each day's open.</summary>
    public int ZonesPerDay { get; init; } = 3;

    /// <summary>A zone counts as touched when price reaches it within this span after the day's open.</summary>
    public TimeSpan ZoneHorizon { get; init; } = TimeSpan.FromHours(24);
}
