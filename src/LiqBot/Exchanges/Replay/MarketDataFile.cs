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
            return BarCsvFile.Read(path, symbol);
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
}
