using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace LiqBot.Exchanges;

/// <summary>
/// One WebSocket to a venue: connect within a timeout, receive whole frames (bytes valid until the next
/// receive), send text, and a keep-alive that watches for silence: after <c>idle</c> without a frame it
/// sends the venue's ping text (if it has one), and aborts when still nothing came within <c>replyTimeout</c>,
/// which ends <see cref="ReceiveAsync"/> so the session fails and is started again.
/// </summary>
internal sealed class VenueSocket : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly TimeProvider _time;
    private long _frames;
    private Task _keepAlive = Task.CompletedTask;

    private VenueSocket(TimeProvider time) => _time = time;

    /// <summary>Why the socket aborted itself, if it did.</summary>
    public string? AbortReason { get; private set; }

    public DateTimeOffset OpenedAt { get; private set; }

    public static async Task<VenueSocket> ConnectAsync(Uri uri, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        var socket = new VenueSocket(time);
        try
        {
            // Binance pings with control frames, which ClientWebSocket answers by itself; the client sends none.
            socket._socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(timeout);
            await socket._socket.ConnectAsync(uri, connectTimeout.Token);
            socket.OpenedAt = time.GetUtcNow();
            return socket;
        }
        catch
        {
            await socket.DisposeAsync();
            throw;
        }
    }

    /// <summary>Watches for silence: ping after <paramref name="idle"/> without a frame (when <paramref name="pingText"/> is set), abort after <paramref name="replyTimeout"/> more.</summary>
    public void StartKeepAlive(TimeSpan idle, TimeSpan replyTimeout, string? pingText) =>
        _keepAlive = KeepAliveAsync(idle, replyTimeout, pingText, _stop.Token);

    /// <summary>The next frame, or null when the venue closed the socket.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
        try
        {
            while (true)
            {
                var result = await _socket.ReceiveAsync(_buffer.GetMemory(16 * 1024), cancellationToken);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    return null;
                }

                _buffer.Advance(result.Count);
                if (result.EndOfMessage)
                {
                    Interlocked.Increment(ref _frames);
                    return _buffer.WrittenMemory;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            throw new MarketStreamException(AbortReason ?? e.Message, e);
        }
    }

    public async Task SendTextAsync(string text, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    public void Abort(string reason)
    {
        AbortReason ??= reason;
        _socket.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _keepAlive;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task KeepAliveAsync(TimeSpan idle, TimeSpan replyTimeout, string? pingText, CancellationToken cancellationToken)
    {
        var seen = Interlocked.Read(ref _frames);
        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(idle, _time, cancellationToken);
            if (Interlocked.Read(ref _frames) != seen)
            {
                seen = Interlocked.Read(ref _frames);
                continue;
            }

            if (pingText is not null)
            {
                try
                {
                    await SendTextAsync(pingText, cancellationToken);
                }
                catch (WebSocketException)
                {
                    return;
                }
            }

            await Task.Delay(replyTimeout, _time, cancellationToken);
            if (Interlocked.Read(ref _frames) == seen)
            {
                Abort(pingText is null ? $"no data for {(idle + replyTimeout).TotalSeconds:0} s" : "pong timeout");
                return;
            }

            seen = Interlocked.Read(ref _frames);
        }
    }
}
