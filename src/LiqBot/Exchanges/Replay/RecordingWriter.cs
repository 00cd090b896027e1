using System.IO.Compression;
using System.Text.Json;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Writes a recording: gzip-compressed JSON lines, one per frame: {"t": receive Unix ms, "frame": "raw frame text"}.
/// </summary>
public sealed class RecordingWriter : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _file;
    private readonly GZipStream _gzip;
    private readonly Utf8JsonWriter _json;

    public RecordingWriter(string path)
    {
        _file = File.Create(path);
        _gzip = new GZipStream(_file, CompressionLevel.Fastest);
        _json = new Utf8JsonWriter(_gzip);
    }

    public long Frames { get; private set; }

    public async Task WriteAsync(long receivedMs, ReadOnlyMemory<byte> frame, CancellationToken cancellationToken = default)
    {
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("t", receivedMs);
        _json.WriteString("frame", frame.Span);
        _json.WriteEndObject();
        await _json.FlushAsync(cancellationToken);
        await _gzip.WriteAsync(NewLine, cancellationToken);
        Frames++;
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
    }
}
