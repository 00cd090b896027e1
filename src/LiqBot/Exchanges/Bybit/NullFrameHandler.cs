using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Ignores records: for callers that only need to classify frames (the recorder).</summary>
internal sealed class NullFrameHandler : IBybitFrameHandler
{
    public static readonly NullFrameHandler Instance = new();

    public void OnTrade(int symbol, in PublicTrade trade)
    {
    }

    public void OnLiquidation(int symbol, in RealizedLiquidation liquidation)
    {
    }

    public void OnTickerStart(int symbol, bool snapshot)
    {
    }

    public void OnTickerField(int symbol, TickerField field, double? value)
    {
    }

    public void OnTickerEnd(int symbol, DateTimeOffset time)
    {
    }
}
