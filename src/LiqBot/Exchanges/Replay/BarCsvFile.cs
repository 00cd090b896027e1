using System.Globalization;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;

namespace LiqBot.Exchanges.Replay;

/// <summary>Reads a bar CSV (columns by header name, timestamps in Unix ms or ISO 8601, one bar per row, oldest first).</summary>
internal static class BarCsvFile
{
    public static MarketHistory Read(string path, string symbol)
    {
        var fileName = Path.GetFileName(path);
        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new MarketDataException($"{fileName} is empty.");
        var columns = BarCsvColumns.Find(header, fileName);
        var rows = new List<(DateTimeOffset Open, string[] Fields, int Line)>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(',');
            rows.Add((ParseTime(fields, columns, fileName, lineNumber), fields, lineNumber));
        }

        if (rows.Count < 2)
        {
            throw new MarketDataException($"{fileName} holds {rows.Count} bar(s); at least 2 are needed.");
        }

        var duration = BarDuration(rows.Select(r => r.Open).ToList(), fileName);
        var bars = new Bar[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var (open, fields, line) = rows[i];
            if (i > 0 && open <= rows[i - 1].Open)
            {
                throw new MarketDataException($"{fileName} line {line}: bars must be in time order without repeats.");
            }

            bars[i] = ToBar(open, duration, fields, columns, fileName, line);
            if (i > 0 && MarketRecordCheck.IsOpenInterestJump(bars[i - 1].OpenInterestUsd, bars[i].OpenInterestUsd))
            {
                throw new MarketDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{fileName} line {line}: open interest {bars[i].OpenInterestUsd:G6} is implausible after {bars[i - 1].OpenInterestUsd:G6} on the bar before (a cut or corrupt line?)."));
            }
        }

        return new MarketHistory(symbol, bars, [], fileName);
    }

    private static Bar ToBar(DateTimeOffset open, TimeSpan duration, string[] fields, BarCsvColumns c, string fileName, int line)
    {
        double Number(int column, string name) => ParseNumber(fields, column, fileName, line) ?? throw new MarketDataException($"{fileName} line {line}: {name} is empty.");

        var bar = new Bar(
            open,
            duration,
            Number(c.Open, "open"),
            Number(c.High, "high"),
            Number(c.Low, "low"),
            Number(c.Close, "close"),
            Number(c.OpenInterest, "open interest"),
            Optional(c.Vwap),
            Optional(c.TakerBuy),
            Optional(c.TakerSell),
            Optional(c.LongLiquidated),
            Optional(c.ShortLiquidated));
        return BarCheck.Problem(bar) is { } problem ? throw new MarketDataException($"{fileName} line {line}: {problem}.") : bar;

        double? Optional(int? column) => column is { } index ? ParseNumber(fields, index, fileName, line) : null;
    }

    private static double? ParseNumber(string[] fields, int column, string fileName, int line)
    {
        if (column >= fields.Length)
        {
            throw new MarketDataException($"{fileName} line {line}: has {fields.Length} fields, column {column + 1} is missing.");
        }

        var text = fields[column].Trim().Trim('"');
        if (text.Length == 0)
        {
            return null;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new MarketDataException($"{fileName} line {line}: '{Shorten(text)}' is not a number.");
    }

    private static DateTimeOffset ParseTime(string[] fields, BarCsvColumns c, string fileName, int line)
    {
        var text = c.Time < fields.Length ? fields[c.Time].Trim().Trim('"') : string.Empty;
        if (c.TimeIsIso)
        {
            return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso)
                ? iso
                : throw new MarketDataException($"{fileName} line {line}: '{Shorten(text)}' is not an ISO 8601 time.");
        }

        if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var unix) || unix <= 0)
        {
            throw new MarketDataException($"{fileName} line {line}: '{Shorten(text)}' is not a Unix timestamp.");
        }

        // Seconds or milliseconds: 10^11 seconds is the year 5138, 10^11 ms is 1973.
        return unix < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(unix) : DateTimeOffset.FromUnixTimeMilliseconds(unix);
    }

    /// <summary>The smallest gap between bars: files may miss bars, never hold shorter ones.</summary>
    private static TimeSpan BarDuration(List<DateTimeOffset> opens, string fileName)
    {
        var smallest = TimeSpan.MaxValue;
        for (var i = 1; i < opens.Count; i++)
        {
            var gap = opens[i] - opens[i - 1];
            if (gap > TimeSpan.Zero && gap < smallest)
            {
                smallest = gap;
            }
        }

        return smallest == TimeSpan.MaxValue ? throw new MarketDataException($"{fileName}: bars must be in time order without repeats.") : smallest;
    }

    private static string Shorten(string text) => text.Length <= 24 ? text : text[..24] + "...";
}
