using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace LiqBot.Tests.TestSupport;

/// <summary>
/// Writes a version 1 recording as `record` wrote them until recordings held every venue: gzip JSON lines
/// {"t": receive ms, "frame": raw Bybit frame}, no header. Tests check such files still replay.
/// </summary>
internal sealed class BybitFrameRecording : IAsyncDisposable
{
    private readonly GZipStream _gzip;
    private readonly Utf8JsonWriter _json;

    public BybitFrameRecording(string path)
    {
        _gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        _json = new Utf8JsonWriter(_gzip);
    }

    public async Task WriteAsync(long receivedMs, string frame)
    {
        _json.Reset();
        _json.WriteStartObject();
        _json.WriteNumber("t", receivedMs);
        _json.WriteString("frame", Encoding.UTF8.GetBytes(frame));
        _json.WriteEndObject();
        await _json.FlushAsync();
        await _gzip.WriteAsync("\n"u8.ToArray());
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _gzip.DisposeAsync();
    }
}
