using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>
/// The <see cref="SymbolGate"/>s of one venue's symbols and the REST side of a connection's life: the
/// catch-up before the socket opens, holding live events while the gap to the first live minute is
/// backfilled, and releasing both merged; and symbols added or dropped on demand (<see cref="Changes"/>),
/// applied when a session starts. Venue sessions call it; it knows no wire format.
/// </summary>
internal sealed class SymbolGates(List<SymbolGate> gates, FeedCounters counters, HistoryBackfiller backfiller, TimeSpan reorderWindow = default, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private long _lastWarmUpTicks = -1;

    public List<SymbolGate> All => gates;

    public SymbolChanges Changes { get; } = new(gates);

    /// <summary>How long the last warm start of one symbol took (REST history fetched and handed on); null before any.</summary>
    public TimeSpan? LastWarmUp => Interlocked.Read(ref _lastWarmUpTicks) is >= 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    /// <summary>Applies the symbols added or dropped since the last session; a session calls it first.</summary>
    public List<string> StartSession()
    {
        Changes.Apply(gates, reorderWindow);
        return gates.Select(g => g.Symbol).ToList();
    }

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
        var started = _time.GetTimestamp();
        var warmingUp = gates.Select(g => g.LastBarClose is null).ToList();
        var fetched = await Task.WhenAll(gates.Select(g => backfiller.FetchAsync(g.Symbol, g.LastBarClose ?? warmStartFrom, to, cancellationToken)));
        for (var i = 0; i < gates.Count; i++)
        {
            foreach (var bar in fetched[i])
            {
                gates[i].Release(new BarClosed(gates[i].Symbol, bar), output, counters);
            }

            // Timed before the bars are handed on, so anyone who sees them also sees the time.
            if (warmingUp[i])
            {
                Interlocked.Exchange(ref _lastWarmUpTicks, _time.GetElapsedTime(started).Ticks);
            }

            await FlushAsync(writer, output, cancellationToken);
            Changes.CaughtUp(gates[i]);
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
    /// a quiet feed may be a keep-alive reply seconds away. A symbol change queued meanwhile returns
    /// <paramref name="onChange"/> at once (the frame still in flight is left to the closing socket), so the
    /// session can end itself and the next one follow the new symbols.
    /// </summary>
    public async ValueTask<T> ReceiveAsync<T>(ValueTask<T> next, T onChange, List<MarketEvent> output, ChannelWriter<MarketEvent> writer, CancellationToken cancellationToken)
    {
        if (next.IsCompleted)
        {
            return await next;
        }

        var receiving = next.AsTask();
        while (true)
        {
            var changed = Changes.Signal;
            var backfill = RunningBackfill();
            var first = backfill is null ? await Task.WhenAny(receiving, changed) : await Task.WhenAny(receiving, changed, backfill);
            if (first == receiving)
            {
                return await receiving;
            }

            if (first == changed)
            {
                _ = receiving.ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
                return onChange;
            }

            await AdvanceAsync(output, writer, cancellationToken);
        }
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
