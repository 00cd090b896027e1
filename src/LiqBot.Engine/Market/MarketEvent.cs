namespace LiqBot.Engine.Market;

/// <summary>What a market source emits, one symbol at a time, in time order.</summary>
public abstract record MarketEvent(string Symbol, DateTimeOffset Time);

/// <summary>A bar closed; it carries open interest at its close.</summary>
public sealed record BarClosed(string Symbol, Bar Bar) : MarketEvent(Symbol, Bar.CloseTime);

/// <summary>The exchange reported a realized liquidation.</summary>
public sealed record LiquidationReported(string Symbol, RealizedLiquidation Liquidation) : MarketEvent(Symbol, Liquidation.Time);

/// <summary>The last traded price moved (between bar closes), for proximity alerts.</summary>
public sealed record PriceTicked(string Symbol, DateTimeOffset Time, double Price) : MarketEvent(Symbol, Time);
