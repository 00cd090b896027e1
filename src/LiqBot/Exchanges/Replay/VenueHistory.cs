namespace LiqBot.Exchanges.Replay;

/// <summary>What a data file holds of one venue for one symbol (<see cref="Venue.Replay"/> for a bar CSV).</summary>
internal sealed record VenueHistory(Venue Venue, MarketHistory History);
