using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Recordings made by <c>record</c>, gzip JSON lines. Version 2 (a <see cref="RecordingHeader"/> first) holds
/// every venue's engine events with receive times; version 1 (no header) raw Bybit frames. The data-file
/// verbs ask <see cref="IsRecording"/> and, for a recording, replay it with <see cref="OpenReplay"/>.
/// </summary>
public static class RecordingFile
{
    /// <summary>True for a *.jsonl.gz name or a file starting with the gzip magic bytes (1f 8b).</summary>
    public static bool IsRecording(string path)
    {
        if (path.EndsWith(".jsonl.gz", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (!File.Exists(path))
        {
            return false;
        }

        using var stream = File.OpenRead(path);
        Span<byte> magic = stackalloc byte[2];
        return stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    /// <summary>The version 2 header, or null for a version 1 (Bybit frames) or empty recording.</summary>
    /// <exception cref="InvalidDataException">Not gzip, or a first line this version cannot read.</exception>
    public static RecordingHeader? ReadHeader(string path)
    {
        foreach (var (number, line) in ReadLinesAsync(path).ToBlockingEnumerable())
        {
            try
            {
                return RecordingHeader.Parse(line);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: {e.Message.Replace("line 1", $"line {number}", StringComparison.Ordinal)}", e);
            }
        }

        return null;
    }

    /// <summary>
    /// One replay source per venue in the recording, each pacing its events by receive time divided by the
    /// speed (1 = real time, null or infinity = as fast as possible). A version 1 recording is one source
    /// (<see cref="Venue.Replay"/>) through the live Bybit decoder and bar aggregator.
    /// </summary>
    public static IReadOnlyList<(Venue Venue, IMarketSource Source)> OpenReplay(string path, double? speed = null, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        return ReadHeader(path) is { } header
            ? header.Venues.Select(v => (v, (IMarketSource)new RecordedVenueReplaySource(path, v, header.StartedMs, speed, time))).ToList()
            : [(Venue.Replay, new RecordingReplaySource(path, speed, time))];
    }

    /// <summary>Parses "max" (as fast as possible) or a positive factor such as "10".</summary>
    public static double? ParseSpeed(string? text) =>
        text is null || text.Equals("max", StringComparison.OrdinalIgnoreCase) ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v
        : throw new FormatException($"Speed must be a positive number or 'max', not '{text}'.");

    /// <summary>A version 1 recording's raw frames.</summary>
    public static async IAsyncEnumerable<RecordedFrame> ReadFramesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var (number, line) in ReadLinesAsync(path, cancellationToken))
        {
            RecordedFrame frame;
            try
            {
                using var doc = JsonDocument.Parse(line);
                frame = new RecordedFrame(doc.RootElement.GetProperty("t").GetInt64(), doc.RootElement.GetProperty("frame").GetString()!);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}: line {number} is not a recorded frame.", e);
            }

            yield return frame;
        }
    }

    /// <summary>A version 2 recording's events, after its header.</summary>
    public static async IAsyncEnumerable<RecordedEvent> ReadEventsAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var header = true;
        await foreach (var (number, line) in ReadLinesAsync(path, cancellationToken))
        {
            if (header)
            {
                header = false;
                continue;
            }

            RecordedEvent recorded;
            try
            {
                recorded = RecordedEventJson.Parse(line);
            }
            catch (InvalidDataException e)
            {
                throw new InvalidDataException($"{path}: line {number} is not a recorded event.", e);
            }

            yield return recorded;
        }
    }

    /// <summary>
    /// The file's lines. GZipStream reads a cut file to its end without a word, so at the end the bytes read
    /// are checked against the size the gzip trailer states (its last 4 bytes): a cut file fails there.
    /// </summary>
    private static async IAsyncEnumerable<(int Number, string Line)> ReadLinesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new CountingReadStream(new GZipStream(file, CompressionMode.Decompress, leaveOpen: true));
        using var reader = new StreamReader(gzip);
        var number = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            number++;
            if (line.Length > 0)
            {
                yield return (number, line);
            }
        }

        if (!EndsWithSize(file, gzip.Count))
        {
            throw new InvalidDataException($"{path}: the file ends early, after line {number} (cut short, or still being written).");
        }
    }

    private static bool EndsWithSize(FileStream file, long decompressed)
    {
        Span<byte> size = stackalloc byte[4];
        file.Seek(-Math.Min(4, file.Length), SeekOrigin.End);
        return file.ReadAtLeast(size, 4, throwOnEndOfStream: false) == 4 && System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(size) == (uint)decompressed;
    }
}
