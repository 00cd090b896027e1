using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LiqBot.Fakes.Discord;

/// <summary>
/// A fake Discord on 127.0.0.1 (a free port): the REST routes the bot uses under /api/v10 and the
/// gateway WebSocket, speaking the real wire protocol. Point Discord:ApiUrl at <see cref="ApiUrl"/>.
/// </summary>
public sealed partial class FakeDiscordServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, List<FakeChannelMessage>> _messages = new();
    private readonly ConcurrentDictionary<string, FakeChannelFailure> _channelFailures = new();
    private readonly ConcurrentDictionary<string, int> _failAfterCreate = new();
    private readonly ConcurrentQueue<FakeChannelMessage> _cutAfterAccept = new();
    private readonly ConcurrentQueue<(string Route, string Body)> _commandRegistrations = new();
    private long _nextMessageId = 1_100_000_000_000_000_000;

    private FakeDiscordServer(FakeDiscordOptions options)
    {
        Options = options;
        RateLimits = new FakeDiscordRateLimits(options);
        Gateway = new FakeDiscordGateway(options, () => WebSocketUrl);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.UseWebSockets();
        _app.Map("/gateway", Gateway.HandleAsync);
        _app.Map("/resume", Gateway.HandleAsync);
        MapRest(_app);
    }

    public FakeDiscordOptions Options { get; }

    public FakeDiscordRateLimits RateLimits { get; }

    public FakeDiscordGateway Gateway { get; }

    public string BaseUrl { get; private set; } = "";

    public string ApiUrl => BaseUrl + "/api/v10";

    public string WebSocketUrl => "ws" + BaseUrl[4..];

    /// <summary>Bodies of the bulk command overwrites, with the route they came on ("global" or the guild id).</summary>
    public IReadOnlyList<(string Route, string Body)> CommandRegistrations => [.. _commandRegistrations];

    public static async Task<FakeDiscordServer> StartAsync(FakeDiscordOptions? options = null)
    {
        var server = new FakeDiscordServer(options ?? new FakeDiscordOptions());
        await server._app.StartAsync();
        server.BaseUrl = server._app.Urls.Single().TrimEnd('/');
        return server;
    }

    public IReadOnlyList<FakeChannelMessage> MessagesIn(string channelId)
    {
        if (!_messages.TryGetValue(channelId, out var list))
        {
            return [];
        }

        lock (list)
        {
            return [.. list];
        }
    }

    public int TotalMessages => _messages.Values.Sum(list =>
    {
        lock (list)
        {
            return list.Count;
        }
    });

    /// <summary>Decides a fault for each channel message post by channel id; none when null.</summary>
    public Func<string, Faults.FakeSendFault>? SendFaults { get; set; }

    /// <summary>Posts whose connection was cut after the message was created (a nonce retry returns the same message).</summary>
    public IReadOnlyList<FakeChannelMessage> CutAfterAccept => [.. _cutAfterAccept];

    /// <summary>From now on the channel answers with this error (403 50013, 404 10003, ...).</summary>
    public void FailChannel(string channelId, FakeChannelFailure failure) => _channelFailures[channelId] = failure;

    /// <summary>The next <paramref name="times"/> posts to the channel are created but answered 502, as when a response is lost.</summary>
    public void LoseResponsesAfterCreate(string channelId, int times = 1) => _failAfterCreate[channelId] = times;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
