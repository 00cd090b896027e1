using System.Net.WebSockets;
using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// One connection's life: REST catch-up to the last 5-minute boundary, open the socket and subscribe,
/// then decode frames into events; each symbol's live events wait (in its <see cref="SymbolGate"/>)
/// until the minutes between the catch-up and the first whole live minute are backfilled from REST.
/// Returns when Bybit closes the socket; throws when the session fails.
/// </summary>
internal sealed class BybitStreamSession(
    BybitOptions options,
    TimeProvider time,
    BybitBackfiller backfiller,
    List<SymbolGate> gates,
    FeedCounters counters,
    Action<string, TickerState> onTicker,
    Action onLive)
{
    private static readonly TimeSpan Five = TimeSpan.FromMinutes(5);

    public async Task RunAsync(ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        var output = new List<MarketEvent>();
        var now = time.GetUtcNow();
        foreach (var gate in gates)
        {
            gate.FlushPending(output, counters);
            var from = gate.LastBarClose ?? BybitBackfiller.Floor(now - options.WarmStart, Five);
            foreach (var bar in await backfiller.FetchAsync(gate.Symbol, from, BybitBackfiller.Floor(now, Five), cancellationToken))
            {
                gate.Release(new BarClosed(gate.Symbol, bar), output, counters);
            }

            await FlushAsync(writer, output, cancellationToken);
        }

        var topics = gates.SelectMany(g => new[] { $"allLiquidation.{g.Symbol}", $"tickers.{g.Symbol}", $"publicTrade.{g.Symbol}" });
        await using var connection = await BybitConnection.OpenAsync(options, time, topics, cancellationToken);
        var decoder = new BybitFrameDecoder(gates.Select(g => g.Symbol));
        var sink = new GatedEventSink(gates, counters, onTicker);
        var processor = new BybitFeedProcessor(sink);
        gates.ForEach(g => g.StartHolding(output, counters));
        await FlushAsync(writer, output, cancellationToken);
        while (true)
        {
            ReadOnlyMemory<byte>? frame;
            try
            {
                frame = await connection.ReceiveAsync(cancellationToken);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
            {
                throw new BybitStreamException(connection.AbortReason ?? e.Message, e);
            }

            if (frame is not { } bytes)
            {
                return;
            }

            counters.Frame();
            var info = decoder.Decode(bytes.Span, processor);
            switch (info.Kind)
            {
                case BybitFrameKind.Pong:
                    connection.OnReply();
                    break;
                case BybitFrameKind.SubscribeAck when !info.Success:
                    throw new BybitStreamException($"subscribe rejected: {info.Message}");
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

            await AdvanceBackfillsAsync(sink.Output, cancellationToken);
            await FlushAsync(writer, sink.Output, cancellationToken);
        }
    }

    /// <summary>Starts the gap backfill of a symbol once its first live minute began; releases it when done.</summary>
    private async Task AdvanceBackfillsAsync(List<MarketEvent> output, CancellationToken cancellationToken)
    {
        foreach (var gate in gates)
        {
            if (gate.Held is null || gate.LiveStart is not { } liveStart)
            {
                continue;
            }

            gate.Backfill ??= backfiller.FetchAsync(gate.Symbol, gate.LastBarClose ?? liveStart, liveStart, cancellationToken);
            if (gate.Backfill.IsCompleted)
            {
                gate.Complete(await gate.Backfill, output, counters);
            }
        }
    }

    private static async Task FlushAsync(ChannelWriter<MarketEvent> writer, List<MarketEvent> output, CancellationToken cancellationToken)
    {
        foreach (var e in output)
        {
            await writer.WriteAsync(e, cancellationToken);
        }

        output.Clear();
    }

}
