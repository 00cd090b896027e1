using Microsoft.Extensions.Logging;

namespace LiqBot.Storage;

internal static partial class StorageLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Information, Message = "Storage {Provider}: applied schema migration {Version} ({Description})")]
    public static partial void MigrationApplied(ILogger logger, StorageProvider provider, int version, string description);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Information, Message = "Storage {Provider} ready")]
    public static partial void Ready(ILogger logger, StorageProvider provider);
}
