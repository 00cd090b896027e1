namespace LiqBot.Tests.TestSupport;

/// <summary>Console input that stays open, with no lines, until the test closes it (then end of input).</summary>
internal sealed class HeldOpenReader : TextReader
{
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void CloseInput() => _closed.TrySetResult();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        await _closed.Task.WaitAsync(cancellationToken);
        return null;
    }
}
