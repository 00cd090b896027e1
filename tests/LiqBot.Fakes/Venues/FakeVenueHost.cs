using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using LiqBot.Fakes.Bybit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace LiqBot.Fakes.Venues;

/// <summary>
/// What the fake Binance and OKX share: Kestrel on 127.0.0.1 (port 0, read back), WebSockets tracked by
/// path so tests can push frames and drop connections, every REST request recorded, and scripted faults per path.
/// </summary>
public sealed class FakeVenueHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<int, (string Path, FakeSocket Socket)> _sockets = new();
    private readonly ConcurrentDictionary<string, ConcurrentQueue<FakeHttpFault>> _faults = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _connectedUrls = new();
    private int _nextSocket;

    private FakeVenueHost(WebApplication app) => _app = app;

    public int Port { get; private set; }

    public IReadOnlyCollection<string> Requests => _requests;

    /// <summary>Every WebSocket request as path?query, in order.</summary>
    public IReadOnlyCollection<string> ConnectedUrls => _connectedUrls;

    public int Connections => _connectedUrls.Count;

    public int OpenSockets(string? path = null) => _sockets.Values.Count(s => path is null || s.Path == path);

    public static async Task<FakeVenueHost> StartAsync(Action<WebApplication, FakeVenueHost> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        app.UseWebSockets();
        var host = new FakeVenueHost(app);
        map(app, host);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        host.Port = new Uri(address).Port;
        return host;
    }

    public Uri Url(string scheme, string path) => new($"{scheme}://127.0.0.1:{Port}{path}");

    public void Fail(string path, FakeHttpFault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<FakeHttpFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public int RequestCount(string path) => _requests.Count(r => r.StartsWith(path + "?", StringComparison.Ordinal) || r == path);

    /// <summary>Records the request; returns the scripted fault's result if one is queued for its path.</summary>
    public IResult? Answer(HttpContext context)
    {
        _requests.Enqueue(context.Request.Path + context.Request.QueryString.Value);
        if (!_faults.TryGetValue(context.Request.Path, out var queue) || !queue.TryDequeue(out var fault))
        {
            return null;
        }

        if (fault.RetryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Text(fault.Body, "application/json", statusCode: fault.Status);
    }

    /// <summary>Accepts a WebSocket on the request's path, says hello through <paramref name="onOpen"/>, and hands each text message to <paramref name="onText"/>.</summary>
    public async Task AcceptAsync(HttpContext context, Func<FakeSocket, Task> onOpen, Func<FakeSocket, string, Task> onText)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            context.Response.StatusCode = 400;
            return;
        }

        using var ws = await context.WebSockets.AcceptWebSocketAsync();
        var id = Interlocked.Increment(ref _nextSocket);
        var socket = new FakeSocket(ws);
        _sockets[id] = (context.Request.Path, socket);
        _connectedUrls.Enqueue(context.Request.Path + context.Request.QueryString.Value);
        try
        {
            await onOpen(socket);
            var buffer = new byte[64 * 1024];
            while (ws.State == WebSocketState.Open)
            {
                var result = await ws.ReceiveAsync(buffer, context.RequestAborted);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                await onText(socket, Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException)
        {
        }
        finally
        {
            _sockets.TryRemove(id, out _);
            socket.Dispose();
        }
    }

    /// <summary>Sends a text frame to every open socket (on <paramref name="path"/> only, when given).</summary>
    public async Task PushAsync(string frame, string? path = null)
    {
        foreach (var (socketPath, socket) in _sockets.Values)
        {
            if (path is null || socketPath == path)
            {
                await socket.SendAsync(frame);
            }
        }
    }

    /// <summary>Cuts every socket without a close handshake.</summary>
    public void DropConnections()
    {
        foreach (var (_, socket) in _sockets.Values)
        {
            socket.Socket.Abort();
        }
    }

    public async ValueTask DisposeAsync()
    {
        DropConnections();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
