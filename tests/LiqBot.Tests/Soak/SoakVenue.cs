using LiqBot.Fakes.Binance;
using LiqBot.Fakes.Bybit;
using LiqBot.Fakes.Okx;

namespace LiqBot.Tests.Soak;

/// <summary>
/// One fake venue as the soak drives it: its key and name as the bot's metrics and /healthz say them, the
/// three faults (socket cut, silence past the keep-alive, a malformed frame on each of its sockets) in the
/// way each fake offers them, and the live data an alert is made of: a closed one-minute bar (Binance and
/// OKX start a connection's live data at its first kline; Bybit builds its bars from its own events, so it
/// needs none) and a realized BTCUSDT long liquidation of a given USD notional.
/// </summary>
internal sealed record SoakVenue(
    string Key,
    string Name,
    Action Drop,
    Action<bool> Silence,
    IReadOnlyList<Func<Task>> PushMalformed,
    Func<DateTimeOffset, Task>? PushClosedBarAsync,
    Func<DateTimeOffset, double, Task> PushLiquidationAsync)
{
    private const string Symbol = "BTCUSDT";
    private const string OkxInstrument = "BTC-USDT-SWAP";

    public static SoakVenue Of(FakeBybitServer bybit) =>
        new(
            "bybit",
            "Bybit",
            bybit.DropConnections,
            silent => bybit.Silent = silent,
            [() => bybit.PushAsync("garbage{")],
            null,
            (time, usd) =>
            {
                var price = FakeBybitHistory.Price(time.ToUnixTimeMilliseconds());
                return bybit.PushAsync(FakeBybitFrames.Liquidation(Symbol, time.ToUnixTimeMilliseconds(), longLiquidated: true, usd / price, price));
            });

    // Silence on Binance is the end of its data: the fake's mark-price heartbeat is what keeps the socket busy.
    public static SoakVenue Of(FakeBinanceServer binance) =>
        new(
            "binance",
            "Binance",
            binance.Host.DropConnections,
            silent => binance.Heartbeat = !silent,
            [() => binance.Host.PushAsync(FakeBinanceFrames.Wrap("btcusdt@aggTrade", """{"e":"aggTrade","E":1,"s":"BTCUSDT","a":1,"p":"not a price","q":"1","f":1,"l":1,"T":1,"m":true}"""))],
            open =>
            {
                var price = FakeBinanceHistory.Price(open.ToUnixTimeMilliseconds());
                return binance.Host.PushAsync(FakeBinanceFrames.Kline(Symbol, open.ToUnixTimeMilliseconds(), price, price, price, price, 10, 10 * price, 5, 5 * price, closed: true));
            },
            (time, usd) =>
            {
                var price = FakeBinanceHistory.Price(time.ToUnixTimeMilliseconds());
                return binance.Host.PushAsync(FakeBinanceFrames.ForceOrder(Symbol, time.ToUnixTimeMilliseconds(), "SELL", usd / price, price));
            });

    // OKX has two sockets: trades and liquidations on the public one, candles on the business one; a fault must leave both serving.
    public static SoakVenue Of(FakeOkxServer okx) =>
        new(
            "okx",
            "OKX",
            okx.Host.DropConnections,
            silent => okx.Silent = silent,
            [
                () => okx.Host.PushAsync($$"""{"arg":{"channel":"trades","instId":"{{OkxInstrument}}"},"data":[{"px":"","sz":"1","side":"buy","ts":"1"}]}""", FakeOkxServer.PublicPath),
                () => okx.Host.PushAsync($$"""{"arg":{"channel":"candle1m","instId":"{{OkxInstrument}}"},"data":[["1","not a price"]]}""", FakeOkxServer.BusinessPath),
            ],
            open =>
            {
                var price = FakeOkxHistory.Price(open.ToUnixTimeMilliseconds());
                return okx.Host.PushAsync(FakeOkxFrames.Candle(OkxInstrument, open.ToUnixTimeMilliseconds(), price, price, price, price, 1_000, 10, 10 * price, confirmed: true), FakeOkxServer.BusinessPath);
            },
            (time, usd) =>
            {
                var price = FakeOkxHistory.Price(time.ToUnixTimeMilliseconds());
                return okx.Host.PushAsync(FakeOkxFrames.Liquidation(OkxInstrument, time.ToUnixTimeMilliseconds(), "sell", usd / (price * FakeOkxHistory.ContractValue), price), FakeOkxServer.PublicPath);
            });
}
