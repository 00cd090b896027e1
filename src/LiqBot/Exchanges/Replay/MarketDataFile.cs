using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>Opens a data file of any supported kind: a bar CSV like those in ../shared/data, or a recording.</summary>
internal static class MarketDataFile
{
    public static MarketHistory Load(string path, string symbol)
    {
        if (!File.Exists(path))
        {
            throw new MarketDataException($"data file '{path}' does not exist.");
        }

        try
        {
            return RecordingFile.IsRecording(path) ? FromRecording(path, symbol) : BarCsvFile.Read(path, symbol);
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
            var frames = RecordingFile.ReadFramesAsync(path).ToBlockingEnumerable().Count();
            if (frames == 0)
            {
                throw new MarketDataException($"recording '{path}' holds no frames.");
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

    /// <summary>A replay source for the file: a recording replays its frames, a CSV its bars.</summary>
    public static IMarketSource OpenReplay(string path, string symbol, double? speed, TimeProvider time) =>
        RecordingFile.IsRecording(path) ? RecordingFile.OpenReplay(path, speed, time) : new BarFileReplaySource(Load(path, symbol), speed, time);

    /// <summary>The recording's 1-minute bars and liquidations for the symbol, through the live decoder and aggregator.</summary>
    private static MarketHistory FromRecording(string path, string symbol)
    {
        var bars = new List<Bar>();
        var liquidations = new List<RealizedLiquidation>();
        var events = RecordingFile.OpenReplay(path).StreamAsync(CancellationToken.None).ToBlockingEnumerable();
        foreach (var marketEvent in events.Where(e => e.Symbol == symbol))
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

        return bars.Count >= 2
            ? new MarketHistory(symbol, bars, liquidations, Path.GetFileName(path))
            : throw new MarketDataException($"{Path.GetFileName(path)} holds {bars.Count} closed {symbol} bar(s); at least 2 are needed.");
    }
}
