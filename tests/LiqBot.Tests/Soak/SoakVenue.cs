using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;

namespace LiqBot.Tests.Soak;

/// <summary>
/// One fake venue as the venue-fault soak drives it: its key and name as the bot's metrics and /healthz
/// say them, and the three faults (socket cut, silence past the keep-alive, a malformed frame) in the
/// way each fake offers them.
/// </summary>
internal sealed record SoakVenue(string Key, string Name, Action Drop, Action<bool> Silence, Func<Task> PushMalformedAsync)
{
    public static SoakVenue Of(FakeBybitServer bybit) =>
        new("bybit", "Bybit", bybit.DropConnections, silent => bybit.Silent = silent, () => bybit.PushAsync("garbage{"));

    // Silence on Binance is the end of its data: the fake's mark-price heartbeat is what keeps the socket busy.
    public static SoakVenue Of(FakeBinanceServer binance) =>
        new(
            "binance",
            "Binance",
            binance.Host.DropConnections,
            silent => binance.Heartbeat = !silent,
            () => binance.Host.PushAsync(FakeBinanceFrames.Wrap("btcusdt@aggTrade", """{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"p":"not a price","q":"1","f":1,"l":1,"T":1,"m":true}""")));

    public static SoakVenue Of(FakeOkxServer okx) =>
        new(
            "okx",
            "OKX",
            okx.Host.DropConnections,
            silent => okx.Silent = silent,
            () => okx.Host.PushAsync("""{"arg":{"channel":"trades","instId":"BTC-USDT-SWAP"},"data":[{"px":"","sz":"1","side":"buy","ts":"1"}]}""", FakeOkxServer.PublicPath));
}
