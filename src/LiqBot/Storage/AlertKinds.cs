namespace LiqBot.Storage;

/// <summary>The alert rules a subscription listens to; stored as their integer value.</summary>
[Flags]
internal enum AlertKinds
{
    None = 0,
    Proximity = 1,
    Sweep = 2,
    Cascade = 4,
    All = Proximity | Sweep | Cascade,
}
