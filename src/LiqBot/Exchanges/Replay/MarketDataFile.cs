using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>Opens a data file of any supported kind: a bar CSV like those in ../shared/data, or a recording.</summary>
internal static class MarketDataFile
{
    /// <summary>The file's history of one symbol, one entry per venue that holds at least two of its bars.</summary>
    public static IReadOnlyList<VenueHistory> Load(string path, string symbol)
    {
        if (!File.Exists(path))
        {
            throw new MarketDataException($"data file '{path}' does not exist.");
        }

        try
        {
            return !RecordingFile.IsRecording(path) ? [new VenueHistory(Venue.Replay, BarCsvFile.Read(path, symbol))]
                : RecordingFile.ReadHeader(path) is { } header ? FromRecordedEvents(path, header, symbol)
                : [new VenueHistory(Venue.Bybit, FromBybitFrames(path, symbol))];
        }
        catch (InvalidDataException e)
        {
            throw NotARecording(path, e);
        }
        catch (IOException e)
        {
            throw new MarketDataException($"data file '{path}' cannot be read: {e.Message}");
        }
        catch (UnauthorizedAccessException)
        {
            throw new MarketDataException($"data file '{path}' cannot be read: permission denied.");
        }
    }

    /// <summary>Reads the whole file once, so a replay cannot fail halfway: a CSV is parsed, a recording's every line read.</summary>
    public static void Validate(string path, string symbol)
    {
        if (!RecordingFile.IsRecording(path))
        {
            Load(path, symbol);
            return;
        }

        try
        {
            var count = RecordingFile.ReadHeader(path) is null
                ? RecordingFile.ReadFramesAsync(path).ToBlockingEnumerable().Count()
                : RecordingFile.ReadEventsAsync(path).ToBlockingEnumerable().Count();
            if (count == 0)
            {
                throw new MarketDataException($"recording '{path}' holds no market data.");
            }
        }
        catch (InvalidDataException e)
        {
            throw NotARecording(path, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new MarketDataException($"data file '{path}' cannot be read: {e.Message}");
        }
    }

    private static MarketDataException NotARecording(string path, InvalidDataException e) =>
        new(e.Message.StartsWith(path, StringComparison.Ordinal)
            ? e.Message
            : $"'{path}' is not a recording (gzip of JSON lines, as `record` writes): {e.Message}");

    /// <summary>Replay sources for the file: a recording replays its venues' events (or Bybit frames), a CSV its bars.</summary>
    public static IReadOnlyList<(Venue Venue, IMarketSource Source)> OpenReplay(string path, string symbol, double? speed, TimeProvider time) =>
        RecordingFile.IsRecording(path) ? RecordingFile.OpenReplay(path, speed, time) : [(Venue.Replay, new BarFileReplaySource(Load(path, symbol)[0].History, speed, time))];

    /// <summary>A version 1 recording's 1-minute bars and liquidations for the symbol, through the live decoder and aggregator.</summary>
    private static MarketHistory FromBybitFrames(string path, string symbol)
    {
        var events = RecordingFile.OpenReplay(path)[0].Source.StreamAsync(CancellationToken.None).ToBlockingEnumerable();
        return History(path, symbol, events.Where(e => e.Symbol == symbol)) ?? throw TooFewBars(path, symbol, venue: null);
    }

    /// <summary>A version 2 recording's events of the symbol, per venue; venues with fewer than two bars are left out.</summary>
    private static List<VenueHistory> FromRecordedEvents(string path, RecordingHeader header, string symbol)
    {
        var byVenue = header.Venues.ToDictionary(v => v, _ => new List<MarketEvent>());
        foreach (var recorded in RecordingFile.ReadEventsAsync(path).ToBlockingEnumerable())
        {
            if (recorded.Event.Symbol == symbol && byVenue.TryGetValue(recorded.Venue, out var events))
            {
                events.Add(recorded.Event);
            }
        }

        var histories = header.Venues.Select(v => History(path, symbol, byVenue[v]) is { } h ? new VenueHistory(v, h) : null).OfType<VenueHistory>().ToList();
        return histories.Count > 0 ? histories : throw TooFewBars(path, symbol, header.Venues);
    }

    private static MarketHistory? History(string path, string symbol, IEnumerable<MarketEvent> events)
    {
        var bars = new List<Bar>();
        var liquidations = new List<RealizedLiquidation>();
        foreach (var marketEvent in events)
        {
            if (marketEvent is BarClosed closed)
            {
                bars.Add(closed.Bar);
            }
            else if (marketEvent is LiquidationReported reported)
            {
                liquidations.Add(reported.Liquidation);
            }
        }

        return bars.Count >= 2 ? new MarketHistory(symbol, bars, liquidations, Path.GetFileName(path)) : null;
    }

    private static MarketDataException TooFewBars(string path, string symbol, IReadOnlyList<Venue>? venue) =>
        new($"{Path.GetFileName(path)} holds fewer than 2 closed {symbol} bars{(venue is null ? string.Empty : " of any venue (" + Venue.Join(venue) + ")")}; at least 2 are needed.");
}
