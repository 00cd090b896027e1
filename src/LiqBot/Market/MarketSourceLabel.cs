namespace LiqBot.Market;

/// <summary>
/// Where the data comes from, as image titles say it ("Bybit live" or "replay: file.csv"), and, when
/// the bot chose it by itself, one line saying why (logged once on start).
/// </summary>
internal sealed record MarketSourceLabel(string Text, string? Notice = null);
