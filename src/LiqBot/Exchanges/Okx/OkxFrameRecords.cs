using System.Runtime.InteropServices;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// The records of one push frame, held until the whole frame has read well so that a broken frame
/// applies nothing; the lists are cleared and reused frame after frame, so holding them allocates nothing.
/// </summary>
internal sealed class OkxFrameRecords
{
    private readonly List<(int Symbol, KlineRow Candle, bool Confirmed)> _candles = [];
    private readonly List<(int Symbol, PublicTrade Trade)> _trades = [];
    private readonly List<(int Symbol, DateTimeOffset Time, double Usd)> _openInterest = [];
    private readonly List<(int Symbol, RealizedLiquidation Liquidation)> _liquidations = [];

    public void Clear()
    {
        _candles.Clear();
        _trades.Clear();
        _openInterest.Clear();
        _liquidations.Clear();
    }

    public void AddCandle(int symbol, in KlineRow candle, bool confirmed) => _candles.Add((symbol, candle, confirmed));

    public void AddTrade(int symbol, in PublicTrade trade) => _trades.Add((symbol, trade));

    public void AddOpenInterest(int symbol, DateTimeOffset time, double usd) => _openInterest.Add((symbol, time, usd));

    public int LiquidationCount => _liquidations.Count;

    public void AddLiquidation(int symbol, in RealizedLiquidation liquidation) => _liquidations.Add((symbol, liquidation));

    /// <summary>Gives the liquidations added since <paramref name="from"/> their instrument, their notional (read as contracts x price) times its contract value.</summary>
    public void ClaimLiquidations(int from, int symbol, double contractValue)
    {
        foreach (ref var entry in CollectionsMarshal.AsSpan(_liquidations)[from..])
        {
            entry = (symbol, entry.Liquidation with { NotionalUsd = entry.Liquidation.NotionalUsd * contractValue });
        }
    }

    /// <summary>Forgets the liquidations added since <paramref name="from"/> (an instrument we do not follow).</summary>
    public void DropLiquidations(int from) => _liquidations.RemoveRange(from, _liquidations.Count - from);

    /// <summary>Hands the records on in the order the frame listed them (a frame holds one channel).</summary>
    public void ApplyTo(IOkxFrameHandler handler)
    {
        foreach (var (symbol, candle, confirmed) in _candles)
        {
            handler.OnCandle(symbol, candle, confirmed);
        }

        foreach (var (symbol, trade) in _trades)
        {
            handler.OnTrade(symbol, trade);
        }

        foreach (var (symbol, time, usd) in _openInterest)
        {
            handler.OnOpenInterest(symbol, time, usd);
        }

        foreach (var (symbol, liquidation) in _liquidations)
        {
            handler.OnLiquidation(symbol, liquidation);
        }
    }
}
