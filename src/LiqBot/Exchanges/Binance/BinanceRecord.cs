using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// The one record of a stream frame, read in full before it is applied, so a frame that turns out broken
/// applies nothing. <see cref="Flag"/> is the kline's x (closed), the trade's m (buyer is maker) or the
/// forceOrder's SELL side; <see cref="Quantity"/> is in base coin.
/// </summary>
internal struct BinanceRecord
{
    public BinanceEventKind Kind { get; set; }

    public int Symbol { get; set; }

    public long TimeMs { get; set; }

    public double Price { get; set; }

    public double Quantity { get; set; }

    public bool Flag { get; set; }

    public KlineRow Kline { get; set; }

    public readonly void ApplyTo(IBinanceFrameHandler handler)
    {
        var time = DateTimeOffset.FromUnixTimeMilliseconds(TimeMs);
        switch (Kind)
        {
            case BinanceEventKind.Kline:
                handler.OnKline(Symbol, Kline, Flag);
                break;
            case BinanceEventKind.AggTrade:
                // m: the buyer is the maker, so the taker sold.
                handler.OnTrade(Symbol, new PublicTrade(time, Price, Quantity, !Flag));
                break;
            case BinanceEventKind.MarkPrice:
                handler.OnMarkPrice(Symbol, time, Price);
                break;
            case BinanceEventKind.ForceOrder:
                // A SELL order closes a long; the notional is filled quantity at the average price.
                handler.OnLiquidation(Symbol, new RealizedLiquidation(time, Flag ? PositionSide.Long : PositionSide.Short, Price, Price * Quantity));
                break;
        }
    }
}
