namespace LiqBot.Engine.Zones;

/// <summary>How zones are found: which bins stand out, how far from price, how many.</summary>
public sealed record ZoneOptions
{
    /// <summary>Zones are found on bins of about this share of price (rounded), so edges are round numbers.</summary>
    public double ResolutionPct { get; init; } = 0.25;

    /// <summary>A bin is dense when it holds at least this multiple of the side's median non-empty bin.</summary>
    public double DensityMultiple { get; init; } = 2.0;

    /// <summary>Up to this many thin bins inside a run are bridged.</summary>
    public int GapBins { get; init; } = 1;

    /// <summary>Only bins within this distance of price count.</summary>
    public double MaxDistancePct { get; init; } = 20;

    public int MaxZonesPerSide { get; init; } = 3;

    /// <summary>Zones smaller than this are dropped.</summary>
    public double MinNotionalUsd { get; init; }

    /// <summary>The "skew" of the brief compares the sides within this distance of price.</summary>
    public double SkewDistancePct { get; init; } = 5;
}
