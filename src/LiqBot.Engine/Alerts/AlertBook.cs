using LiqBot.Engine.Model;

namespace LiqBot.Engine.Alerts;

/// <summary>
/// One of the books the alert rules watch together: a source's own book (its open interest, its price
/// path, its realized liquidations), the name alerts give it and how much of its realized liquidations
/// it can see ("complete", "sampled ...", "partial").
/// </summary>
public sealed record AlertBook(string Name, string Coverage, bool SeesEveryLiquidation, LiquidationBook Book);
