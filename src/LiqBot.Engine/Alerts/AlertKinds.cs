namespace LiqBot.Engine.Alerts;

/// <summary>What a chat can subscribe to.</summary>
[Flags]
public enum AlertKinds
{
    None = 0,

    /// <summary>Price comes within proximity_pct of a dense zone.</summary>
    Proximity = 1,

    /// <summary>Price traded through a zone.</summary>
    Sweep = 2,

    /// <summary>Realized liquidations of cascade_usd or more within cascade_window.</summary>
    Cascade = 4,

    All = Proximity | Sweep | Cascade,
}
