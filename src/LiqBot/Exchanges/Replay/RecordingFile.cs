using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Recordings made by <c>record</c>: gzip JSON lines of raw Bybit frames. The data-file verbs ask
/// <see cref="IsRecording"/> and, for a recording, replay it with <see cref="OpenReplay"/>.
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

    /// <summary>A market source replaying the recording through the live decoder and bar aggregator.</summary>
    /// <param name="speed">1 = real time, N = N times faster, null or infinity = as fast as possible.</param>
    public static IMarketSource OpenReplay(string path, double? speed = null, TimeProvider? time = null) =>
        new RecordingReplaySource(path, speed, time ?? TimeProvider.System);

    /// <summary>Parses "max" (as fast as possible) or a positive factor such as "10".</summary>
    public static double? ParseSpeed(string? text) =>
        text is null || text.Equals("max", StringComparison.OrdinalIgnoreCase) ? null
        : double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v > 0 && double.IsFinite(v) ? v
        : throw new FormatException($"Speed must be a positive number or 'max', not '{text}'.");

    public static async IAsyncEnumerable<RecordedFrame> ReadFramesAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            RecordedFrame frame;
            try
            {
                using var doc = JsonDocument.Parse(line);
                frame = new RecordedFrame(doc.RootElement.GetProperty("t").GetInt64(), doc.RootElement.GetProperty("frame").GetString()!);
            }
            catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                throw new InvalidDataException($"{path}: line {lineNumber} is not a recorded frame.", e);
            }

            yield return frame;
        }
    }
}
