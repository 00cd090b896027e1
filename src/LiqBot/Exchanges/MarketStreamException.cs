namespace LiqBot.Exchanges;

/// <summary>A venue's stream session ended: subscribe rejected, keep-alive missed, or the socket failed.</summary>
internal sealed class MarketStreamException(string message, Exception? inner = null) : Exception(message, inner);
