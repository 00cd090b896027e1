using System.Buffers;
using System.Net.WebSockets;
using System.Text;

namespace LiqBot.Chat.Discord;

/// <summary>
/// One gateway socket: whole messages in (frames accumulated until EndOfMessage), serialized
/// sends out, and the heartbeat ACK flag. Closing with a code other than 1000/1001 keeps the session resumable.
/// </summary>
internal sealed class GatewayConnection : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private int _acknowledged = 1;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public string? CloseDescription => _socket.CloseStatusDescription;

    public static async Task<GatewayConnection> ConnectAsync(Uri url, CancellationToken cancellationToken)
    {
        var connection = new GatewayConnection();
        try
        {
            await connection._socket.ConnectAsync(url, cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>True when the last heartbeat was acknowledged; reading it arms the next check.</summary>
    public bool TakeAcknowledged() => Interlocked.Exchange(ref _acknowledged, 0) == 1;

    public void Acknowledge() => Interlocked.Exchange(ref _acknowledged, 1);

    /// <summary>The next message, or null when the server closed the socket (see <see cref="CloseStatus"/>).</summary>
    public async Task<GatewayPayload?> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer.GetMemory(4096), cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            buffer.Advance(result.Count);
            if (result.EndOfMessage)
            {
                return GatewayPayload.Parse(buffer.WrittenSpan);
            }
        }
    }

    public async Task SendAsync(string json, CancellationToken cancellationToken)
    {
        await _sendGate.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Starts a close the server answers; the session stays resumable unless the code is 1000/1001.</summary>
    public async Task CloseAsync(int code, string reason)
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await _socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, timeout.Token);
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            _socket.Abort();
        }
    }

    /// <summary>Drops the socket without a close frame (a zombied connection will not answer one).</summary>
    public void Abort() => _socket.Abort();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        _sendGate.Dispose();
        return ValueTask.CompletedTask;
    }
}
