namespace LiqBot.Market;

/// <summary>Where the data comes from, as image titles say it: "Bybit live" or "replay: file.csv".</summary>
internal sealed record MarketSourceLabel(string Text);
