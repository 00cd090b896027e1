namespace LiqBot.Chat.Telegram;

/// <summary>The Bot API envelope: {"ok":true,"result":…} or {"ok":false,"error_code":…,"description":…,"parameters":…}.</summary>
internal sealed record TelegramResponse<T>(bool Ok, T? Result, int? ErrorCode, string? Description, TelegramResponseParameters? Parameters);
