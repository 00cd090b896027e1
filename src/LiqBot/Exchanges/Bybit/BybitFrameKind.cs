namespace LiqBot.Exchanges.Bybit;

internal enum BybitFrameKind
{
    Data,
    Pong,
    SubscribeAck,
    OtherControl,
    Unknown,
    Malformed,
}
