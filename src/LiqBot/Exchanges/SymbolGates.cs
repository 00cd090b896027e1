using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// The <see cref="SymbolGate"/>s of one venue's symbols and the REST side of a connection's life: the
/// catch-up before the socket opens, holding live events while the gap to the first live minute is
/// backfilled, and releasing both merged. Venue sessions call it; it knows no wire format.
/// </summary>
internal sealed class SymbolGates(List<SymbolGate> gates, FeedCounters counters, HistoryBackfiller backfiller)
{
    public List<SymbolGate> All => gates;

    public FeedCounters Counters => counters;

    public GatedEventSink NewSink() => new(gates, counters);

    /// <summary>
    /// Backfills every symbol up to <paramref name="to"/>: from its last bar, else from <paramref name="warmStartFrom"/>.
    /// The symbols' histories are fetched side by side (a venue that limits requests per instrument, as OKX
    /// does, then pages them in parallel) and released symbol by symbol.
    /// </summary>
    public async Task CatchUpAsync(ChannelWriter<MarketEvent> writer, DateTimeOffset warmStartFrom, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var output = new List<MarketEvent>();
        gates.ForEach(g => g.FlushPending(output, counters));
        await FlushAsync(writer, output, cancellationToken);
        var fetched = await Task.WhenAll(gates.Select(g => backfiller.FetchAsync(g.Symbol, g.LastBarClose ?? warmStartFrom, to, cancellationToken)));
        for (var i = 0; i < gates.Count; i++)
        {
            foreach (var bar in fetched[i])
            {
                gates[i].Release(new BarClosed(gates[i].Symbol, bar), output, counters);
            }

            await FlushAsync(writer, output, cancellationToken);
        }
    }

    /// <summary>A connection is about to deliver: hold its live events until the gap before them is backfilled.</summary>
    public async Task StartHoldingAsync(ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        var output = new List<MarketEvent>();
        gates.ForEach(g => g.StartHolding(output, counters));
        await FlushAsync(writer, output, cancellationToken);
    }

    /// <summary>Starts the gap backfill of each symbol whose first live minute began, releases finished ones, then writes <paramref name="output"/>.</summary>
    public async Task AdvanceAsync(List<MarketEvent> output, ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
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

        await FlushAsync(writer, output, cancellationToken);
    }

    /// <summary>
    /// Awaits a session's next frame (or its readiness) and, while a gap backfill is still running, wakes when
    /// it finishes to release what the gate held: held live events then never wait for a later frame, which on
    /// a quiet feed may be a keep-alive reply seconds away. With no backfill running this is the frame alone.
    /// </summary>
    public async ValueTask<T> ReceiveAsync<T>(ValueTask<T> next, List<MarketEvent> output, ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        if (next.IsCompleted || RunningBackfill() is not { } backfill)
        {
            return await next;
        }

        var receiving = next.AsTask();
        while (await Task.WhenAny(receiving, backfill) != receiving)
        {
            await AdvanceAsync(output, writer, cancellationToken);
            if (RunningBackfill() is not { } more)
            {
                break;
            }

            backfill = more;
        }

        return await receiving;
    }

    private Task<Task>? RunningBackfill()
    {
        List<Task>? running = null;
        foreach (var gate in gates)
        {
            if (gate.Backfill is { IsCompleted: false } backfill)
            {
                (running ??= []).Add(backfill);
            }
        }

        return running is null ? null : Task.WhenAny(running);
    }

    /// <summary>A session ends by choice: finish every gap backfill and release all that is held, so the next connection loses nothing.</summary>
    public async Task DrainAsync(List<MarketEvent> output, ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        foreach (var gate in gates.Where(g => g.Held is not null))
        {
            var backfilled = gate.LiveStart is { } liveStart
                ? await (gate.Backfill ??= backfiller.FetchAsync(gate.Symbol, gate.LastBarClose ?? liveStart, liveStart, cancellationToken))
                : [];
            gate.Complete(backfilled, output, counters);
            gate.FlushPending(output, counters);
        }

        await FlushAsync(writer, output, cancellationToken);
    }

    public static async Task FlushAsync(ChannelWriter<MarketEvent> writer, List<MarketEvent> output, CancellationToken cancellationToken)
    {
        foreach (var e in output)
        {
            await writer.WriteAsync(e, cancellationToken);
        }

        output.Clear();
    }
}
