using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Binance;

/// <summary>
/// One Binance connection: REST catch-up, then {StreamUrl}/stream?streams=... with kline_1m, aggTrade,
/// markPrice@1s and forceOrder of every symbol. Each closed minute gets its open interest polled from
/// /fapi/v1/openInterest (BTC x mark price = USD) and becomes a bar; a minute whose closing frame never
/// came is fetched from REST first. Bars leave in the order their minutes closed. Once the connection is
/// older than <see cref="BinanceOptions.ConnectionLifetime"/>, the session ends right after a bar (planned);
/// so it does when symbols were added or dropped (the stream list is in the URL, so a new connection follows them).
/// </summary>
internal sealed class BinanceStreamSession(BinanceOptions options, BinanceRestClient rest, SymbolGates gates, TimeProvider time) : IVenueSession
{
    public async Task<SessionEnd> RunAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken)
    {
        var symbols = gates.StartSession();
        var now = time.GetUtcNow();
        await gates.CatchUpAsync(writer, TimeGrid.Floor(now - options.WarmStart, TimeGrid.FiveMinutes), TimeGrid.Floor(now, TimeGrid.FiveMinutes), cancellationToken);
        await using var socket = await VenueSocket.ConnectAsync(StreamUri(symbols), options.RequestTimeout, time, cancellationToken);
        socket.StartKeepAlive(options.IdleTimeout, options.ReplyTimeout, pingText: null);
        var decoder = new BinanceFrameDecoder(symbols);
        var sink = gates.NewSink();
        var processor = new BinanceFeedProcessor(sink, symbols.Count);
        var pending = new Queue<(ClosedKline Minute, Task<(KlineRow Kline, double OpenInterestUsd)?> Reading)>();
        await gates.StartHoldingAsync(writer, cancellationToken);
        var counters = gates.Counters;
        while (true)
        {
            if (await gates.ReceiveAsync(socket.ReceiveAsync(cancellationToken), ReadOnlyMemory<byte>.Empty, sink.Output, writer, cancellationToken) is not { } frame)
            {
                return SessionEnd.ClosedByVenue;
            }

            if (!frame.IsEmpty)
            {
                Decode(frame, decoder, processor, counters, onLive);
            }

            var barClosed = processor.Closed.Count > 0;
            foreach (var minute in processor.Closed)
            {
                pending.Enqueue((minute, ReadAsync(symbols[minute.Symbol], minute, cancellationToken)));
            }

            processor.Closed.Clear();
            var planned = (barClosed && time.GetUtcNow() - socket.OpenedAt >= options.ConnectionLifetime) || gates.Changes.Pending;
            while (pending.Count > 0 && (planned || pending.Peek().Reading.IsCompleted))
            {
                var (minute, reading) = pending.Dequeue();
                if (await reading is { } read)
                {
                    var (longUsd, shortUsd) = processor.TakeLiquidations(minute.Symbol, minute.OpenTime);
                    sink.OnBar(minute.Symbol, read.Kline.ToBar(TimeGrid.Minute, read.OpenInterestUsd, longUsd, shortUsd));
                }
            }

            if (planned)
            {
                await gates.DrainAsync(sink.Output, writer, cancellationToken);
                return SessionEnd.Planned;
            }

            await gates.AdvanceAsync(sink.Output, writer, cancellationToken);
        }
    }

    private static void Decode(ReadOnlyMemory<byte> frame, BinanceFrameDecoder decoder, BinanceFeedProcessor processor, FeedCounters counters, Action onLive)
    {
        counters.Frame();
        var decoded = decoder.Decode(frame.Span, processor);
        switch (decoded.Kind)
        {
            case FrameKind.Data:
                onLive();
                break;
            case FrameKind.SubscribeRejected:
                throw new MarketStreamException($"Binance refused the streams: {decoded.Message}");
            default:
                counters.Skipped(decoded.Kind);
                break;
        }
    }

    private Uri StreamUri(IEnumerable<string> symbols)
    {
        var streams = symbols.Select(s => s.ToLowerInvariant()).SelectMany(s => new[] { $"{s}@kline_1m", $"{s}@aggTrade", $"{s}@markPrice@1s", $"{s}@forceOrder" });
        return new Uri($"{options.StreamUrl.TrimEnd('/')}/stream?streams={string.Join('/', streams)}");
    }

    /// <summary>The minute's kline (from REST when its closing frame never came) and its open interest in USD; null when REST has no such minute.</summary>
    private async Task<(KlineRow Kline, double OpenInterestUsd)?> ReadAsync(string symbol, ClosedKline minute, CancellationToken cancellationToken)
    {
        var kline = minute.Kline;
        if (kline is null)
        {
            var fetched = await rest.GetKlinesAsync(symbol, TimeGrid.Minute, minute.OpenTime, minute.OpenTime, cancellationToken);
            kline = fetched.Cast<KlineRow?>().FirstOrDefault(k => k!.Value.OpenTime == minute.OpenTime);
            if (kline is null)
            {
                return null;
            }
        }

        var baseCoin = await rest.GetOpenInterestNowAsync(symbol, cancellationToken);
        return (kline.Value, baseCoin * (minute.MarkPrice ?? kline.Value.Close));
    }
}
