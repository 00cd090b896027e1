using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Discord;

/// <summary>One bot connection to the fake gateway, with serialized sends.</summary>
internal sealed class FakeGatewayConnection(HttpContext context, WebSocket socket)
{
    private readonly SemaphoreSlim _sendGate = new(1, 1);

    public WebSocket Socket { get; } = socket;

    public async Task SendAsync(string json)
    {
        await _sendGate.WaitAsync();
        try
        {
            await Socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    public async Task CloseAsync(int code, string reason)
    {
        await _sendGate.WaitAsync();
        try
        {
            await Socket.CloseOutputAsync((WebSocketCloseStatus)code, reason, CancellationToken.None);
        }
        finally
        {
            _sendGate.Release();
        }
    }

    /// <summary>Drops the TCP connection: no close frame, as when a network path dies.</summary>
    public void Drop()
    {
        Socket.Abort();
        try
        {
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request already ended (the bot closed first): the connection is gone either way.
        }
    }
}
