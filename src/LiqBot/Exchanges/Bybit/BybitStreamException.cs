namespace LiqBot.Exchanges.Bybit;

/// <summary>The stream session ended: subscribe rejected, ack or pong missing, or the socket failed.</summary>
internal sealed class BybitStreamException(string message, Exception? inner = null) : Exception(message, inner);
