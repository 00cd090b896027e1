using System.Collections.Concurrent;
using System.Text.Json;
using LiqBot.Fakes.Venues;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Bybit;

/// <summary>
/// A fake Bybit v5 on 127.0.0.1 (a <see cref="FakeVenueHost"/>, port 0): the public linear WebSocket
/// and the market REST endpoints, scriptable from tests: push frames, drop sockets, go silent, reject subscribes, queue
/// retCode errors or HTTP 403/429 per path. History is deterministic (<see cref="FakeBybitHistory"/>).
/// </summary>
public sealed class FakeBybitServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<RestFault>> _faults = new();
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _subscriptions = new();
    private int _pings;
    private FakeVenueHost _host = null!;

    private FakeBybitServer()
    {
    }

    public Uri RestUrl { get; private set; } = null!;

    public Uri StreamUrl { get; private set; } = null!;

    /// <summary>Symbols instruments-info knows; others get an empty list.</summary>
    public ISet<string> Symbols { get; } = new HashSet<string>(["BTCUSDT", "ETHUSDT"]);

    /// <summary>The most instruments-info rows per page of the whole list (Bybit's is 1,000), small to make the client page.</summary>
    public int InstrumentPage { get; set; } = 1000;

    /// <summary>Stop answering pings and subscribes (the socket stays open).</summary>
    public bool Silent { get; set; }

    /// <summary>Answer subscribes with success=false.</summary>
    public bool RejectSubscribe { get; set; }

    /// <summary>No kline or open interest newer than this (simulates "now" on the exchange).</summary>
    public DateTimeOffset? HistoryEnd { get; set; }

    /// <summary>The kline opening at this time (ms) is served with its high and low swapped, as a broken exchange record.</summary>
    public long? CorruptKlineOpenMs { get; set; }

    public int Connections => _host.Connections;

    /// <summary>Pings answered with a pong.</summary>
    public int Pings => Volatile.Read(ref _pings);

    public int OpenSockets => _host.OpenSockets();

    /// <summary>Every subscribe message's args, one string per message (comma-joined).</summary>
    public IReadOnlyCollection<string> Subscriptions => _subscriptions;

    /// <summary>Every REST request as path?query, raw.</summary>
    public IReadOnlyCollection<string> Requests => _requests;

    public static async Task<FakeBybitServer> StartAsync()
    {
        var server = new FakeBybitServer();
        server._host = await FakeVenueHost.StartAsync((app, host) =>
        {
            FakeBybitRest.Map(app, server);
            app.Map("/v5/public/linear", (HttpContext c) => host.AcceptAsync(c, _ => Task.CompletedTask, server.OnClientMessageAsync));
        });
        server.RestUrl = server._host.Url("http", string.Empty);
        server.StreamUrl = server._host.Url("ws", "/v5/public/linear");
        return server;
    }

    public void Fail(string path, RestFault fault, int times = 1)
    {
        var queue = _faults.GetOrAdd(path, _ => new ConcurrentQueue<RestFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    public int RequestCount(string path) => _requests.Count(r => r.StartsWith(path + "?", StringComparison.Ordinal) || r == path);

    /// <summary>Sends a text frame to every open socket.</summary>
    public Task PushAsync(string frame) => _host.PushAsync(frame);

    /// <summary>Cuts every socket without a close handshake.</summary>
    public void DropConnections() => _host.DropConnections();

    public async Task WaitUntilAsync(Func<FakeBybitServer, bool> condition, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        while (!condition(this))
        {
            await Task.Delay(10, cts.Token);
        }
    }

    public ValueTask DisposeAsync() => _host.DisposeAsync();

    internal void Record(HttpRequest request) => _requests.Enqueue(request.Path + request.QueryString.Value);

    internal RestFault? NextFault(string path) =>
        _faults.TryGetValue(path, out var queue) && queue.TryDequeue(out var fault) ? fault : null;

    private async Task OnClientMessageAsync(FakeSocket socket, string text)
    {
        using var doc = JsonDocument.Parse(text);
        var op = doc.RootElement.GetProperty("op").GetString();
        var reqId = doc.RootElement.TryGetProperty("req_id", out var r) ? r.GetString() : string.Empty;
        if (Silent)
        {
            return;
        }

        if (op == "subscribe")
        {
            var args = string.Join(",", doc.RootElement.GetProperty("args").EnumerateArray().Select(a => a.GetString()));
            _subscriptions.Enqueue(args);
            var ok = !RejectSubscribe;
            var message = ok ? string.Empty : "error:handler not found,topic:" + args;
            await socket.SendAsync($$"""{"success":{{(ok ? "true" : "false")}},"ret_msg":"{{message}}","conn_id":"3cd84cb1-4d06-4a05-930a-2efe5fc70f0f","req_id":"{{reqId}}","op":"subscribe"}""");
        }
        else if (op == "ping")
        {
            Interlocked.Increment(ref _pings);
            await socket.SendAsync($$"""{"success":true,"ret_msg":"pong","conn_id":"465772b1-7630-4fdc-a492-e003e6f0f260","req_id":"{{reqId}}","op":"ping"}""");
        }
    }
}
