using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>An engine event and the venue it came from; the engine itself never sees a venue.</summary>
public readonly record struct VenueEvent(Venue Venue, MarketEvent Event);
