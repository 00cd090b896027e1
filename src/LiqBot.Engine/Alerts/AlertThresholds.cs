using LiqBot.Engine.Model;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// The thresholds a chat's admins set. The cascade defaults are the 99th-percentile half hour of
/// realized BTC liquidations across Binance, Bybit and OKX (Feb to May 2026: $16.3M).
/// </summary>
public sealed record AlertThresholds(
    double ProximityPct,
    double MinZoneUsd,
    TimeSpan Cooldown,
    double CascadeUsd,
    TimeSpan CascadeWindow,
    TimeWindow Window)
{
    public static AlertThresholds Default { get; } = new(
        ProximityPct: 0.5,
        MinZoneUsd: 25_000_000,
        Cooldown: TimeSpan.FromMinutes(30),
        CascadeUsd: 16_000_000,
        CascadeWindow: TimeSpan.FromMinutes(30),
        Window: TimeWindow.H24);
}
