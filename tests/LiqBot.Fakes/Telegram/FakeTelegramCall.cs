namespace LiqBot.Fakes.Telegram;

/// <summary>A Bot API call as <see cref="FakeTelegramServer.Hold"/> sees it: the method, its chat (sends, getChatMember) and its offset (getUpdates).</summary>
public sealed record FakeTelegramCall(string Method, long? ChatId, long? Offset);
