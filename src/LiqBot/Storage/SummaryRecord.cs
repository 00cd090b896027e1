using LiqBot.Engine.Zones;

namespace LiqBot.Storage;

/// <summary>What a posted summary showed, so the next one can say which zones are new and which were swept.</summary>
internal sealed record SummaryRecord(ChatAddress Chat, string Symbol, DateTimeOffset PostedAt, double Price, IReadOnlyList<Zone> Zones);
