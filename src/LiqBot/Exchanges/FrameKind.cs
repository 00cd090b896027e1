namespace LiqBot.Exchanges;

/// <summary>What a venue's frame decoder found in one frame.</summary>
internal enum FrameKind
{
    Data,
    SubscribeAck,
    SubscribeRejected,
    Pong,

    /// <summary>The venue announced it will close the connection (OKX 64008): reconnect now.</summary>
    Closing,
    Unknown,
    Malformed,
}
