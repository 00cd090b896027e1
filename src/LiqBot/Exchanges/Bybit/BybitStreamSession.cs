using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// One connection's life: REST catch-up to the last 5-minute boundary, open the socket and subscribe,
/// then decode frames into events; each symbol's live events wait (in its <see cref="SymbolGate"/>)
/// until the minutes between the catch-up and the first whole live minute are backfilled from REST.
/// Ends itself (planned) when symbols were added or dropped, so the next connection follows them.
/// Returns when Bybit closes the socket; throws when the session fails; <see cref="LiveFeed"/> runs it again.
/// </summary>
internal sealed class BybitStreamSession(
    BybitOptions options,
    TimeProvider time,
    SymbolGates gates,
    Action<string, TickerState> onTicker) : IVenueSession
{
    public async Task<SessionEnd> RunAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken)
    {
        var symbols = gates.StartSession();
        var now = time.GetUtcNow();
        await gates.CatchUpAsync(writer, TimeGrid.Floor(now - options.WarmStart, TimeGrid.FiveMinutes), TimeGrid.Floor(now, TimeGrid.FiveMinutes), cancellationToken);
        var topics = symbols.SelectMany(s => new[] { $"allLiquidation.{s}", $"tickers.{s}", $"publicTrade.{s}" });
        await using var connection = await BybitConnection.OpenAsync(options, time, topics, cancellationToken);
        var decoder = new BybitFrameDecoder(symbols);
        var sink = gates.NewSink();
        var processor = new BybitFeedProcessor(sink, (symbol, ticker) =>
        {
            if (ticker.HasSnapshot)
            {
                onTicker(symbols[symbol], ticker.ToState());
            }
        });
        await gates.StartHoldingAsync(writer, cancellationToken);
        var counters = gates.Counters;
        while (true)
        {
            if (gates.Changes.Pending)
            {
                await gates.DrainAsync(sink.Output, writer, cancellationToken);
                return SessionEnd.Planned;
            }

            if (await gates.ReceiveAsync(connection.ReceiveAsync(cancellationToken), ReadOnlyMemory<byte>.Empty, sink.Output, writer, cancellationToken) is not { } bytes)
            {
                return SessionEnd.ClosedByVenue;
            }

            if (bytes.IsEmpty)
            {
                continue;
            }

            counters.Frame();
            var info = decoder.Decode(bytes.Span, processor);
            switch (info.Kind)
            {
                case BybitFrameKind.Pong:
                    connection.OnReply();
                    break;
                case BybitFrameKind.SubscribeAck when !info.Success:
                    throw new MarketStreamException($"subscribe rejected: {info.Message}");
                case BybitFrameKind.SubscribeAck:
                    connection.OnReply();
                    onLive();
                    break;
                case BybitFrameKind.Malformed:
                    counters.MalformedFrame();
                    break;
                case BybitFrameKind.Unknown:
                    counters.UnknownFrame();
                    break;
            }

            await gates.AdvanceAsync(sink.Output, writer, cancellationToken);
        }
    }
}
