using System.Net.WebSockets;
using System.Text.Json;
using Microsoft.Extensions.Options;
using LiqBot.Resilience;
using LiqBot.Storage;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Keeps one gateway session alive: connect, Hello, heartbeat, Identify or Resume, dispatch
/// INTERACTION_CREATE to the handler, and reconnect (resuming when the session allows) with
/// backoff and jitter. Returns only when cancelled or on a fatal close code (4004, 4014, ...).
/// </summary>
internal sealed partial class DiscordGatewayClient(
    IOptions<DiscordOptions> options,
    DiscordRestClient rest,
    DiscordInteractionHandler interactions,
    DiscordCommandRegistrar registrar,
    TimeProvider time,
    ILogger<DiscordGatewayClient> logger)
{
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(30);
    private readonly DiscordOptions _options = options.Value;
    private readonly GatewaySession _session = new();
    // Failed connections since a session last came up: the next reconnect waits Backoff.Delay of it.
    private int _failures;
    private readonly IdentifyGate _identifyGate = new(options.Value.IdentifyInterval, time, logger);
    private string? _stopReason;

    /// <summary>Up while a gateway session is (READY or RESUMED), down with the reason after a failure.</summary>
    public ChatConnection Connection { get; } = new(ChatPlatforms.Discord);

    /// <summary>The close code that stopped the client, once it stopped for good.</summary>
    public int? FatalCloseCode { get; private set; }

    /// <summary>Runs until cancelled (returns null) or a fatal close code (returns it).</summary>
    public async Task<int?> RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var (next, closeCode) = await RunConnectionAsync(cancellationToken);
                if (next == GatewayNext.Stop)
                {
                    FatalCloseCode = closeCode;
                    LogStopped(_stopReason ?? "the gateway closed with " + GatewayCloseCodes.Describe(closeCode));
                    Connection.Down("stopped: " + (_stopReason ?? "the gateway closed with " + GatewayCloseCodes.Describe(closeCode)));
                    return closeCode;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception e) when (e is WebSocketException or HttpRequestException or IOException or JsonException or TimeoutException
                                          or InvalidOperationException or KeyNotFoundException or OperationCanceledException)
            {
                LogConnectionFailed(e.GetType().Name, e.Message);
                Connection.Down($"{e.GetType().Name}: {e.Message}");
            }

            // Reset once a session came up, so a healthy connection that drops reconnects at once (jittered).
            await Task.Delay(Backoff.Delay(_failures++, _options.ReconnectDelay, _options.MaxReconnectDelay, Random.Shared), time, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }

        return null;
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
                _failures = 0;
                Connection.Up();
                LogReady(_options.ShardId, _options.ShardCount);
                _ = registrar.EnsureRegisteredAsync(applicationId, cancellationToken);
                break;
            case "RESUMED":
                _failures = 0;
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
        await Task.Delay(_options.InvalidSessionDelay * (1 + (4 * Random.Shared.NextDouble())), time, cancellationToken);
        return (GatewayNext.Identify, null);
    }
}
