namespace LiqBot.Exchanges.Okx;

/// <summary>The push channels we read (arg.channel); anything else is unknown.</summary>
internal enum OkxChannel
{
    Other,
    Candle1m,
    Trades,
    OpenInterest,
    Liquidations,
}
