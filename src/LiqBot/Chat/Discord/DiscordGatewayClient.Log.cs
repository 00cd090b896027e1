namespace LiqBot.Chat.Discord;

internal sealed partial class DiscordGatewayClient
{
    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord adapter stopped: {Reason}. Discord is off until the configuration is fixed and the bot restarted.")]
    private partial void LogStopped(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection failed ({Error}: {Message}); reconnecting with backoff")]
    private partial void LogConnectionFailed(string error, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway ready (shard {ShardId}/{ShardCount})")]
    private partial void LogReady(int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway resuming from sequence {Sequence}")]
    private partial void LogResuming(long? sequence);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway resumed at sequence {Sequence}")]
    private partial void LogResumed(long? sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway socket dropped: {Message}")]
    private partial void LogDropped(string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway closed: {Reason}; next {Next}")]
    private partial void LogClosed(string reason, GatewayNext next);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway asked to reconnect (op 7)")]
    private partial void LogReconnectRequested();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway invalid session (op 9, resumable {Resumable})")]
    private partial void LogInvalidSession(bool resumable);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway missed a heartbeat ACK within {IntervalMs} ms: zombie connection, reconnecting")]
    private partial void LogZombie(double intervalMs);
}
