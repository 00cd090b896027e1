using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Okx;

/// <summary>
/// One OKX session: contract values from /api/v5/public/instruments, REST catch-up, then two sockets:
/// candle1m on the business URL; trades, open-interest and liquidation-orders (instType SWAP) on the
/// public URL. Each keeps alive with the text "ping" after a silence. Frames of both are decoded on one
/// loop; the session is live once every subscription is acknowledged. An error event fails it; OKX's
/// upgrade notice ends it for an immediate reconnect, and so do symbols added or dropped (planned, gap-free).
/// </summary>
internal sealed partial class OkxStreamSession(OkxOptions options, OkxRestClient rest, SymbolGates gates, TimeProvider time, ILogger logger) : IVenueSession
{
    private readonly Dictionary<string, double> _contractValues = new(StringComparer.Ordinal);

    public async Task<SessionEnd> RunAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken)
    {
        var symbols = gates.StartSession();
        var contractValues = await ContractValuesAsync(symbols, cancellationToken);
        var now = time.GetUtcNow();
        var warmStartFrom = TimeGrid.Floor(now - options.WarmStart, TimeGrid.FiveMinutes);
        await gates.CatchUpAsync(writer, warmStartFrom, TimeGrid.Floor(now, TimeGrid.FiveMinutes), cancellationToken);
        if (options.WarmStart > OkxOptions.OpenInterestHistoryDepth)
        {
            LogShortHistory(options.WarmStart);
        }

        var instruments = symbols.Select(OkxSymbols.ToInstrument).ToList();
        var business = instruments.Select(i => $$"""{"channel":"candle1m","instId":"{{i}}"}""").ToList();
        var channels = instruments.SelectMany(i => new[] { $$"""{"channel":"trades","instId":"{{i}}"}""", $$"""{"channel":"open-interest","instId":"{{i}}"}""" })
            .Append("""{"channel":"liquidation-orders","instType":"SWAP"}""").ToList();
        await using var businessSocket = await OpenAsync(options.BusinessStreamUrl, business, cancellationToken);
        await using var publicSocket = await OpenAsync(options.PublicStreamUrl, channels, cancellationToken);
        var frames = Channel.CreateBounded<PooledFrame>(new BoundedChannelOptions(options.EventChannelCapacity) { FullMode = BoundedChannelFullMode.Wait });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var pumps = Task.WhenAll(PumpAsync(businessSocket, frames.Writer, stop.Token), PumpAsync(publicSocket, frames.Writer, stop.Token));
        _ = pumps.ContinueWith(t => frames.Writer.TryComplete(t.Exception?.InnerException), TaskScheduler.Default);
        var decoder = new OkxFrameDecoder(symbols, contractValues);
        var sink = gates.NewSink();
        var processor = new OkxFeedProcessor(sink, symbols.Count);
        await gates.StartHoldingAsync(writer, cancellationToken);
        var counters = gates.Counters;
        var awaitingAcks = business.Count + channels.Count;
        try
        {
            while (await gates.ReceiveAsync(frames.Reader.WaitToReadAsync(cancellationToken), true, sink.Output, writer, cancellationToken))
            {
                if (gates.Changes.Pending)
                {
                    await gates.DrainAsync(sink.Output, writer, cancellationToken);
                    return SessionEnd.Planned;
                }

                if (!frames.Reader.TryRead(out var frame))
                {
                    continue;
                }

                counters.Frame();
                var decoded = decoder.Decode(frame.Span, processor);
                frame.Return();
                switch (decoded.Kind)
                {
                    case FrameKind.SubscribeAck when --awaitingAcks == 0:
                        onLive();
                        break;
                    case FrameKind.SubscribeRejected:
                        throw new MarketStreamException($"OKX refused a subscription: {decoded.Message}");
                    case FrameKind.Closing:
                        LogNotice(decoded.Message);
                        await gates.DrainAsync(sink.Output, writer, cancellationToken);
                        return SessionEnd.Planned;
                    default:
                        counters.Skipped(decoded.Kind);
                        break;
                }

                await gates.AdvanceAsync(sink.Output, writer, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
        }

        return SessionEnd.ClosedByVenue;
    }

    private async Task<VenueSocket> OpenAsync(string url, List<string> args, CancellationToken cancellationToken)
    {
        var socket = await VenueSocket.ConnectAsync(new Uri(url), options.RequestTimeout, time, cancellationToken);
        await socket.SendTextAsync($$"""{"id":"1","op":"subscribe","args":[{{string.Join(",", args)}}]}""", cancellationToken);
        socket.StartKeepAlive(options.IdleTimeout, options.ReplyTimeout, "ping");
        return socket;
    }

    /// <summary>Copies each frame off the socket into a pooled buffer; a socket that fails fails the session, one the venue closes ends it.</summary>
    private static async Task PumpAsync(VenueSocket socket, ChannelWriter<PooledFrame> frames, CancellationToken cancellationToken)
    {
        while (await socket.ReceiveAsync(cancellationToken) is { } frame)
        {
            await frames.WriteAsync(PooledFrame.CopyOf(frame.Span), cancellationToken);
        }

        frames.TryComplete();
    }

    /// <summary>Each symbol's contract value, read once per symbol (a symbol added on demand is read when its session starts).</summary>
    private async Task<double[]> ContractValuesAsync(List<string> symbols, CancellationToken cancellationToken)
    {
        var values = new double[symbols.Count];
        for (var i = 0; i < symbols.Count; i++)
        {
            if (!_contractValues.TryGetValue(symbols[i], out values[i]))
            {
                values[i] = _contractValues[symbols[i]] = await rest.GetContractValueAsync(symbols[i], cancellationToken)
                    ?? throw new MarketStreamException($"OKX lists no {OkxSymbols.ToInstrument(symbols[i])}");
            }
        }

        return values;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "OKX keeps about 5 days of 5-minute open interest: its map starts shorter than {WarmStart} and fills in from what the bot records")]
    private partial void LogShortHistory(TimeSpan warmStart);

    [LoggerMessage(Level = LogLevel.Information, Message = "OKX notice: {Message}; reconnecting now")]
    private partial void LogNotice(string? message);
}
