using LiqBot.Engine.Market;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// An alert for some subscribers. DedupeKey is the same on every instance that sees the same market
/// data, so the outbox can send each alert once per chat however many instances raise it.
/// </summary>
public sealed record Alert(
    string Symbol,
    AlertKinds Kind,
    DateTimeOffset Time,
    string DedupeKey,
    string Text,
    PositionSide? Side,
    Zone? Zone,
    IReadOnlyList<long> SubscriberIds);
