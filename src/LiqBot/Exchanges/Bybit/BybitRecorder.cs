using System.Net.WebSockets;
using LiqBot.Exchanges.Replay;
using Microsoft.Extensions.Logging;
using LiqBot.Resilience;

namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// Records raw public frames of some symbols for a while, with receive times, reconnecting (with
/// backoff) if the socket fails. Pongs and acks are recorded too (the replay skips them) but not
/// counted: the count returned is of market data frames, so 0 means the recording is useless.
/// </summary>
internal sealed partial class BybitRecorder(BybitOptions options, TimeProvider time, ILogger logger, Random random)
{
    public async Task<long> RecordAsync(IReadOnlyList<string> symbols, TimeSpan duration, RecordingWriter writer, CancellationToken cancellationToken)
    {
        using var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        window.CancelAfter(duration);
        var token = window.Token;
        var decoder = new BybitFrameDecoder(symbols);
        var topics = symbols.SelectMany(s => new[] { $"allLiquidation.{s}", $"tickers.{s}", $"publicTrade.{s}" }).ToList();
        var attempt = 0;
        var dataFrames = 0L;
        while (!token.IsCancellationRequested)
        {
            try
            {
                await using var connection = await BybitConnection.OpenAsync(options, time, topics, token);
                while (await connection.ReceiveAsync(token) is { } frame)
                {
                    // Not cancellable: a half-written line would spoil the file when the window ends.
                    await writer.WriteAsync(time.GetUtcNow().ToUnixTimeMilliseconds(), frame, CancellationToken.None);
                    var info = decoder.Decode(frame.Span, NullFrameHandler.Instance);
                    if (info.Kind is BybitFrameKind.Pong or BybitFrameKind.SubscribeAck)
                    {
                        if (info.Kind == BybitFrameKind.SubscribeAck && !info.Success)
                        {
                            throw new MarketStreamException($"subscribe rejected: {info.Message}");
                        }

                        connection.OnReply();
                        attempt = 0;
                    }
                    else
                    {
                        dataFrames++;
                    }
                }
            }
            catch (OperationCanceledException) when (token.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is WebSocketException or MarketStreamException or OperationCanceledException)
            {
                var delay = Backoff.Delay(attempt++, options.ReconnectBaseDelay, options.ReconnectMaxDelay, random);
                LogReconnect(logger, e.Message, delay);
                try
                {
                    await Task.Delay(delay, time, token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    break;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        return dataFrames;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Recording: Bybit stream failed ({Reason}); reconnecting in {Delay}")]
    private static partial void LogReconnect(ILogger logger, string reason, TimeSpan delay);
}
