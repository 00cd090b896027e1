namespace LiqBot.Storage;

/// <summary>One message the chat accepted: to which chat, and when its delivery was recorded (a moment after the platform counted it).</summary>
internal readonly record struct RecentSend(string ChatId, DateTimeOffset SentAt);
