namespace LiqBot.Storage;

/// <summary>
/// The store cannot be used as configured (damaged file, newer schema, unreachable server). The message
/// says what to do and is safe to show: it never contains a connection string.
/// </summary>
internal sealed class StorageException : Exception
{
    public StorageException(string message)
        : base(message)
    {
    }

    public StorageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
