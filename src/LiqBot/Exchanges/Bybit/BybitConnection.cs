namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// Bybit's keep-alive over a <see cref="VenueSocket"/>: subscribe (the ack must arrive within the pong
/// timeout), application-level {"op":"ping"} every ping interval, and an abort when a pong does not come
/// back in time, which ends <see cref="ReceiveAsync"/> so the caller reconnects.
/// </summary>
internal sealed class BybitConnection : IAsyncDisposable
{
    private readonly VenueSocket _socket;
    private readonly BybitOptions _options;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private int _awaitingReply;
    private long _requestId;
    private Task _heartbeat = Task.CompletedTask;

    private BybitConnection(VenueSocket socket, BybitOptions options, TimeProvider time)
    {
        _socket = socket;
        _options = options;
        _time = time;
    }

    public static async Task<BybitConnection> OpenAsync(BybitOptions options, TimeProvider time, IEnumerable<string> topics, CancellationToken cancellationToken)
    {
        var connection = new BybitConnection(await VenueSocket.ConnectAsync(new Uri(options.StreamUrl), options.RequestTimeout, time, cancellationToken), options, time);
        try
        {
            var args = string.Join(",", topics.Select(t => $"\"{t}\""));
            Volatile.Write(ref connection._awaitingReply, 1);
            await connection._socket.SendTextAsync($"{{\"req_id\":\"sub-{connection.NextId()}\",\"op\":\"subscribe\",\"args\":[{args}]}}", cancellationToken);
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

    /// <summary>The next frame (valid until the next receive), or null when Bybit closed the socket.</summary>
    public ValueTask<ReadOnlyMemory<byte>?> ReceiveAsync(CancellationToken cancellationToken) => _socket.ReceiveAsync(cancellationToken);

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

        await _socket.DisposeAsync();
        _stop.Dispose();
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(_options.PongTimeout, _time, cancellationToken);
        if (Volatile.Read(ref _awaitingReply) == 1)
        {
            _socket.Abort("no subscribe ack");
            return;
        }

        while (!cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(_options.PingInterval - _options.PongTimeout, _time, cancellationToken);
            Volatile.Write(ref _awaitingReply, 1);
            try
            {
                await _socket.SendTextAsync($"{{\"req_id\":\"ping-{NextId()}\",\"op\":\"ping\"}}", cancellationToken);
            }
            catch (System.Net.WebSockets.WebSocketException)
            {
                return;
            }

            await Task.Delay(_options.PongTimeout, _time, cancellationToken);
            if (Volatile.Read(ref _awaitingReply) == 1)
            {
                _socket.Abort("pong timeout");
                return;
            }
        }
    }

    private long NextId() => Interlocked.Increment(ref _requestId);
}
