namespace LiqBot.Engine.Alerts;

/// <summary>One subscription of one chat to one symbol, as the rules see it: an opaque id, kinds and thresholds.</summary>
public sealed record AlertSubscriber(long Id, AlertKinds Kinds, AlertThresholds Thresholds);
