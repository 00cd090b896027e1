namespace LiqBot.Chat.Telegram;

/// <summary>A setMyCommands entry: Command is 1 to 32 of [a-z0-9_], Description 1 to 256 characters.</summary>
internal sealed record TelegramBotCommand(string Command, string Description);
