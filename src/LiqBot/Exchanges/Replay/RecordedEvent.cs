using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>One event a venue delivered to the engine and when the bot received it (Unix ms).</summary>
public sealed record RecordedEvent(long ReceivedMs, Venue Venue, MarketEvent Event);
