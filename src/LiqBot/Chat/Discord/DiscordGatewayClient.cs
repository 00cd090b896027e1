using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using LiqBot.Storage;
using Polly;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Keeps one gateway session alive: connect, Hello, heartbeat, Identify or Resume, dispatch
/// INTERACTION_CREATE to the handler, and reconnect (resuming when the session allows) through the
/// <see cref="DiscordReconnects"/> pipeline. Returns only when cancelled or on a fatal close code (4004, 4014, ...).
/// </summary>
internal sealed partial class DiscordGatewayClient(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    DiscordInteractionHandler interactions,
    DiscordCommandRegistrar registrar,
    [FromKeyedServices(DiscordReconnects.Key)] ResiliencePipeline<GatewayEnd> reconnects,
    TimeProvider time,
    Random random,
    ILogger<DiscordGatewayClient> logger)
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private readonly DiscordOptions _options = options.Value;
    private readonly GatewaySession _session = new();
    // Whether a session came up (READY or RESUMED) on the current connection.
    private bool _sessionUp;
    private readonly IdentifyGate _identifyGate = new(options.Value.IdentifyInterval, time, logger);
    private string? _stopReason;

    /// <summary>Up while a gateway session is (READY or RESUMED), down with the reason after a failure.</summary>
    public ChatConnection Connection { get; } = new(ChatPlatforms.Discord);

    /// <summary>The close code that stopped the client, once it stopped for good.</summary>
    public int? FatalCloseCode { get; private set; }

    /// <summary>Runs until cancelled (returns null) or a fatal close code (returns it).</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            var end = await reconnects.ExecuteAsync(ConnectOnceAsync, cancellationToken);
            FatalCloseCode = end.CloseCode;
            var reason = _stopReason ?? "the gateway closed with " + GatewayCloseCodes.Describe(end.CloseCode);
            LogStopped(reason);
            Connection.Down("stopped: " + reason);
            return end.CloseCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>One connection, to its end; a failure ends it like a close the session may resume from.</summary>
    private async ValueTask<GatewayEnd> ConnectOnceAsync(CancellationToken cancellationToken)
    {
        _sessionUp = false;
        try
        {
            var (next, closeCode) = await RunConnectionAsync(cancellationToken);
            return new GatewayEnd(next, closeCode, _sessionUp);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException or JsonException or TimeoutException
                                      or InvalidOperationException or KeyNotFoundException or OperationCanceledException)
        {
            LogConnectionFailed(e.GetType().Name, e.Message);
            Connection.Down($"{e.GetType().Name}: {e.Message}");
            return new GatewayEnd(_session.CanResume ? GatewayNext.Resume : GatewayNext.Identify, null, _sessionUp);
        }
    }

    private async Task<(GatewayNext Next, int? CloseCode)> RunConnectionAsync(CancellationToken cancellationToken)
    {
        var resuming = _session.CanResume;
        var url = resuming ? _session.ResumeUrl! : await ResolveGatewayUrlAsync(cancellationToken);
        if (url is null)
        {
            return (GatewayNext.Stop, GatewayCloseCodes.AuthenticationFailed);
        }

        await using var connection = await GatewayConnection.ConnectAsync(WithQuery(url), cancellationToken);
        using var helloTimeout = new CancellationTokenSource(HelloTimeout, time);
        using var helloWait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, helloTimeout.Token);
        var hello = await connection.ReceiveAsync(helloWait.Token);
        if (hello is not { Op: GatewayPayload.Hello })
        {
            return (GatewayCloseCodes.Classify((int?)connection.CloseStatus, _session.CanResume), (int?)connection.CloseStatus);
        }

        using var heartbeatStop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var interval = TimeSpan.FromMilliseconds(hello.Data.GetProperty("heartbeat_interval").GetDouble());
        var heartbeat = HeartbeatAsync(connection, interval, heartbeatStop.Token);
        try
        {
            if (resuming)
            {
                LogResuming(_session.Sequence);
                await connection.SendAsync(GatewayCommands.Resume(_options.Token, _session.SessionId!, _session.Sequence), cancellationToken);
            }
            else
            {
                await _identifyGate.WaitAsync(cancellationToken);
                await connection.SendAsync(GatewayCommands.Identify(_options.Token, _options.ShardId, _options.ShardCount), cancellationToken);
            }

            return await ReceiveLoopAsync(connection, cancellationToken);
        }
        finally
        {
            await heartbeatStop.CancelAsync();
            await heartbeat.ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<(GatewayNext Next, int? CloseCode)> ReceiveLoopAsync(GatewayConnection connection, CancellationToken cancellationToken)
    {
        while (true)
        {
            GatewayPayload? payload;
            try
            {
                payload = await connection.ReceiveAsync(cancellationToken);
            }
            catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException or IOException
                                          && !cancellationToken.IsCancellationRequested)
            {
                LogDropped(e.Message);
                return (GatewayCloseCodes.Classify(null, _session.CanResume), null);
            }

            if (payload is null)
            {
                var code = (int?)connection.CloseStatus;
                var next = GatewayCloseCodes.Classify(code, _session.CanResume);
                LogClosed(GatewayCloseCodes.Describe(code), next);
                if (next == GatewayNext.Identify)
                {
                    _session.Clear();
                }

                return (next, code);
            }

            switch (payload.Op)
            {
                case GatewayPayload.Dispatch:
                    OnDispatch(payload, cancellationToken);
                    break;
                case GatewayPayload.Heartbeat:
                    await connection.SendAsync(GatewayCommands.Heartbeat(_session.Sequence), cancellationToken);
                    break;
                case GatewayPayload.HeartbeatAck:
                    connection.Acknowledge();
                    break;
                case GatewayPayload.Reconnect:
                    LogReconnectRequested();
                    await connection.CloseAsync(GatewayCloseCodes.Reconnecting, "reconnect requested");
                    return (GatewayNext.Resume, null);
                case GatewayPayload.InvalidSession:
                    return await OnInvalidSessionAsync(connection, payload.Data.ValueKind == JsonValueKind.True, cancellationToken);
            }
        }
    }

    private void OnDispatch(GatewayPayload payload, CancellationToken cancellationToken)
    {
        if (payload.Sequence is { } sequence)
        {
            _session.Observe(sequence);
        }

        switch (payload.EventName)
        {
            case "READY":
                var sessionId = payload.Data.GetProperty("session_id").GetString()!;
                _session.Start(sessionId, new Uri(payload.Data.GetProperty("resume_gateway_url").GetString()!));
                var applicationId = string.IsNullOrEmpty(_options.ApplicationId)
                    ? payload.Data.GetProperty("application").GetProperty("id").GetString()!
                    : _options.ApplicationId;
                _sessionUp = true;
                Connection.Up();
                LogReady(_options.ShardId, _options.ShardCount);
                _ = registrar.EnsureRegisteredAsync(applicationId, cancellationToken);
                break;
            case "RESUMED":
                _sessionUp = true;
                Connection.Up();
                LogResumed(_session.Sequence);
                break;
            case "INTERACTION_CREATE":
                interactions.Dispatch(payload.Data, cancellationToken);
                break;
        }
    }

    private async Task<(GatewayNext Next, int? CloseCode)> OnInvalidSessionAsync(GatewayConnection connection, bool resumable, CancellationToken cancellationToken)
    {
        LogInvalidSession(resumable);
        await connection.CloseAsync(GatewayCloseCodes.Reconnecting, "invalid session");
        if (resumable && _session.CanResume)
        {
            return (GatewayNext.Resume, null);
        }

        _session.Clear();
        // Discord does not say how long to wait; libraries wait 1 to 5 seconds before identifying again.
        await Task.Delay(_options.InvalidSessionDelay * (1 + (4 * random.NextDouble())), time, cancellationToken);
        return (GatewayNext.Identify, null);
    }
}
