using System.Net.WebSockets;
using LiqBot.Fakes.Bybit;

namespace LiqBot.Tests.Exchanges;

/// <summary>
/// A fake's push outlives a socket that closes under it. A soak run once stalled for good after a SIGKILL:
/// the killed bot's socket was disposed between the fake's "is it open" check and its send, the send threw,
/// and the exception ended the fake Binance's heartbeat loop, so every later bot process saw a silent
/// Binance. The race is a few instructions wide, so the socket here is one that reads as open and then
/// fails the send the ways a closing ManagedWebSocket does.
/// </summary>
public sealed class FakeVenueSocketCutTests
{
    public static TheoryData<string> ClosingFailures => ["disposed", "aborted", "reset"];

    [Theory]
    [MemberData(nameof(ClosingFailures))]
    public async Task Send_OnASocketClosingUnderIt_EndsQuietly(string failure)
    {
        Exception thrown = failure switch
        {
            "disposed" => new ObjectDisposedException(nameof(WebSocket)),
            "aborted" => new OperationCanceledException("Aborted"),
            _ => new WebSocketException(WebSocketError.ConnectionClosedPrematurely),
        };
        using var socket = new FakeSocket(new ClosingWebSocket(thrown));

        await socket.SendAsync("""{"stream":"btcusdt@markPrice@1s"}""");
        await socket.SendAsync("""{"stream":"btcusdt@markPrice@1s"}""");

        Assert.Equal(2, ((ClosingWebSocket)socket.Socket).Sends);
    }

    /// <summary>Says it is open, and every send fails with the given exception.</summary>
    private sealed class ClosingWebSocket(Exception failure) : WebSocket
    {
        public int Sends { get; private set; }

        public override WebSocketCloseStatus? CloseStatus => null;

        public override string? CloseStatusDescription => null;

        public override WebSocketState State => WebSocketState.Open;

        public override string? SubProtocol => null;

        public override Task SendAsync(ArraySegment<byte> buffer, WebSocketMessageType messageType, bool endOfMessage, CancellationToken cancellationToken)
        {
            Sends++;
            return Task.FromException(failure);
        }

        public override Task<WebSocketReceiveResult> ReceiveAsync(ArraySegment<byte> buffer, CancellationToken cancellationToken) => throw new NotSupportedException();

        public override Task CloseAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override Task CloseOutputAsync(WebSocketCloseStatus closeStatus, string? statusDescription, CancellationToken cancellationToken) => Task.CompletedTask;

        public override void Abort()
        {
        }

        public override void Dispose()
        {
        }
    }
}
