namespace LiqBot.Exchanges;

/// <summary>One venue's supervised source: restarted on its own when it fails, filtered, counted.</summary>
public sealed record VenueFeed(Venue Venue, SupervisedMarketSource Source);
