namespace LiqBot.Exchanges;

/// <summary>How a venue session ended without failing.</summary>
internal enum SessionEnd
{
    /// <summary>The venue closed the socket: reconnect after a backoff.</summary>
    ClosedByVenue,

    /// <summary>The session chose to reconnect (a connection lifetime limit): at once, with no outage.</summary>
    Planned,
}
