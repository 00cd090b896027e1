using System.Net.WebSockets;
using System.Text;

namespace LiqBot.Fakes.Bybit;

/// <summary>One accepted socket; sends are serialized because a WebSocket allows one at a time.</summary>
public sealed class FakeSocket(WebSocket socket) : IDisposable
{
    private readonly SemaphoreSlim _send = new(1, 1);

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(string text)
    {
        try
        {
            await _send.WaitAsync();
        }
        catch (ObjectDisposedException)
        {
            return; // the socket closed meanwhile
        }

        try
        {
            if (Socket.State == WebSocketState.Open)
            {
                await Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException)
        {
            // The socket closed under this send: disposed after the State check when its bot was killed, or aborted
            // by a drop fault. A push goes on to the sockets still open; an escaping exception once ended the fake
            // Binance's heartbeat loop for good, and every later bot process saw a silent Binance.
        }
        finally
        {
            Release();
        }
    }

    /// <summary>The socket may have closed (and been disposed) while this send was in flight.</summary>
    private void Release()
    {
        try
        {
            _send.Release();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose() => _send.Dispose();
}
