using LiqBot.Engine.Zones;

namespace LiqBot.Rendering;

/// <summary>
/// Optional additions to a liquidation map: marked prices (a position's entry and liquidation level),
/// a fixed range either side of price instead of the automatic one (HalfSpanPct, in % of price), and
/// a zone to highlight (an alert's).
/// </summary>
public sealed record MapOverlay(IReadOnlyList<MapMarker> Markers, double? HalfSpanPct = null, Zone? Highlight = null)
{
    public static MapOverlay None { get; } = new([]);
}

/// <summary>A marked price with its label ("entry 64,000", "liq. 61,120"); Danger draws it in the warning colour.</summary>
public readonly record struct MapMarker(double Price, string Label, bool Danger = false);
