namespace LiqBot.Storage;

/// <summary>For a poller without a store (tests of the Telegram adapter alone): the offset lives as long as the process.</summary>
internal sealed class InMemoryTelegramOffsetStore : ITelegramOffsetStore
{
    private int? _offset;

    public Task<int?> GetAsync(CancellationToken cancellationToken) => Task.FromResult(_offset);

    public Task SaveAsync(int offset, CancellationToken cancellationToken)
    {
        _offset = offset;
        return Task.CompletedTask;
    }
}
