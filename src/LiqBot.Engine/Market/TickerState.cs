namespace LiqBot.Engine.Market;

/// <summary>The merged state of a ticker stream (snapshot plus deltas); null fields are not yet known.</summary>
public sealed record TickerState(
    DateTimeOffset Time,
    double? LastPrice,
    double? MarkPrice,
    double? OpenInterestUsd,
    double? FundingRate);
