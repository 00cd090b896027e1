using System.IO.Compression;
using System.Text.Json;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// Writes a version 2 recording: gzip-compressed JSON lines, the <see cref="RecordingHeader"/> first, then
/// one line per engine event (<see cref="RecordedEventJson"/>).
/// </summary>
public sealed class RecordingWriter : IAsyncDisposable
{
    private static readonly byte[] NewLine = "\n"u8.ToArray();
    private readonly Stream _file;
    private readonly GZipStream _gzip;
    private readonly Utf8JsonWriter _json;

    private RecordingWriter(string path)
    {
        _file = File.Create(path);
        _gzip = new GZipStream(_file, CompressionLevel.Fastest);
        _json = new Utf8JsonWriter(_gzip);
    }

    public long Events { get; private set; }

    public static async Task<RecordingWriter> CreateAsync(string path, RecordingHeader header, CancellationToken cancellationToken = default)
    {
        var writer = new RecordingWriter(path);
        header.Write(writer._json);
        await writer.EndLineAsync(cancellationToken);
        return writer;
    }

    public async Task WriteAsync(long receivedMs, Venue venue, MarketEvent marketEvent, CancellationToken cancellationToken = default)
    {
        _json.Reset();
        RecordedEventJson.Write(_json, receivedMs, venue, marketEvent);
        await EndLineAsync(cancellationToken);
        Events++;
    }

    private async Task EndLineAsync(CancellationToken cancellationToken)
    {
        await _json.FlushAsync(cancellationToken);
        await _gzip.WriteAsync(NewLine, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _json.DisposeAsync();
        await _gzip.DisposeAsync();
        await _file.DisposeAsync();
    }
}
