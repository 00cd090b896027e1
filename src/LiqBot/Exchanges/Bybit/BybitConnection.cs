using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// One public WebSocket to Bybit: connect, subscribe (the ack must arrive within the pong timeout),
/// application-level {"op":"ping"} every ping interval, and an abort when a pong does not come back in
/// time, which ends <see cref="ReceiveAsync"/> so the caller reconnects. Frames are returned as bytes
/// valid until the next receive.
/// </summary>
internal sealed class BybitConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly BybitOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private int _awaitingReply;
    private long _requestId;
    private Task _heartbeat = Task.CompletedTask;

    private BybitConnection(BybitOptions options, TimeProvider time)
    {
        _options = options;
        _time = time;
    }

    /// <summary>Why the connection aborted itself (pong or ack timeout), if it did.</summary>
    public string? AbortReason { get; private set; }

    public static async Task<BybitConnection> OpenAsync(BybitOptions options, TimeProvider time, IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        var connection = new BybitConnection(options, time);
        try
        {
            connection._socket.Options.KeepAliveInterval = TimeSpan.Zero;
            using var connectTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            connectTimeout.CancelAfter(options.RequestTimeout);
            await connection._socket.ConnectAsync(new Uri(options.StreamUrl), connectTimeout.Token);
            var args = string.Join(",", topics.Select(t => $"\"{t}\""));
            Volatile.Write(ref connection._awaitingReply, 1);
            await connection.SendAsync($"{{\"req_id\":\"sub-{connection.NextId()}\",\"op\":\"subscribe\",\"args\":[{args}]}}", cancellationToken);
            connection._heartbeat = connection.HeartbeatAsync(connection._stop.Token);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A pong or the subscribe ack arrived.</summary>
    public void OnReply() => Volatile.Write(ref _awaitingReply, 0);

    /// <summary>The next frame, or null when the server closed the socket.</summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken)
    {
        _buffer.ResetWrittenCount();
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
                return _buffer.WrittenMemory;
            }
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
            await _heartbeat;
        }
        catch (OperationCanceledException)
        {
        }

        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
        _stop.Dispose();
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_options.PongTimeout, _time, cancellationToken);
        if (Volatile.Read(ref _awaitingReply) == 1)
        {
            Abort("no subscribe ack");
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.PingInterval - _options.PongTimeout, _time, cancellationToken);
            Volatile.Write(ref _awaitingReply, 1);
            try
            {
                await SendAsync($"{{\"req_id\":\"ping-{NextId()}\",\"op\":\"ping\"}}", cancellationToken);
            }
            catch (WebSocketException)
            {
                return;
            }

            await Task.Delay(_options.PongTimeout, _time, cancellationToken);
            if (Volatile.Read(ref _awaitingReply) == 1)
            {
                Abort("pong timeout");
                return;
            }
        }
    }

    private async Task SendAsync(string text, CancellationToken cancellationToken)
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

    private long NextId() => Interlocked.Increment(ref _requestId);
}
