namespace LiqBot.Exchanges.Bybit;

/// <summary>The part of /v5/market/instruments-info the bot uses.</summary>
internal sealed record BybitInstrument(string Symbol, string Status, string ContractType)
{
    public bool IsTrading => Status == "Trading";
}
