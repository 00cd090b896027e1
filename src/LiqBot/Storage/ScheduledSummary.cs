using LiqBot.Engine.Model;

namespace LiqBot.Storage;

/// <summary>A chat that asked for summaries, and when.</summary>
internal sealed record ScheduledSummary(ChatAddress Chat, SummarySchedule Schedule, TimeWindow Window);
