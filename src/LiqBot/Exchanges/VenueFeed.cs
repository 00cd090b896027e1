namespace LiqBot.Exchanges;

/// <summary>One venue's supervised source: restarted on its own when it fails, filtered, counted; and, when live, its symbols on demand.</summary>
public sealed record VenueFeed(Venue Venue, SupervisedMarketSource Source, IOnDemandSymbols? OnDemand = null);
