namespace LiqBot.Chat.Telegram;

/// <summary>A command meant for this bot: "/liqmap@LiqBot btc 24h" is Name "liqmap", Arguments ["btc", "24h"].</summary>
internal sealed record TelegramCommand(string Name, IReadOnlyList<string> Arguments, bool ArgumentsTooLong = false);
