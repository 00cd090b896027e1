namespace LiqBot.Exchanges.Replay;

/// <summary>A market data file that cannot be used: missing, unreadable, or not in a known shape.</summary>
internal sealed class MarketDataException(string message) : Exception(message);
