namespace LiqBot.Chat.Telegram;

/// <summary>Waiting on the TimeProvider's clock for a delay or an earlier wake-up, whichever comes first.</summary>
internal static class TelegramWaits
{
    /// <summary>Returns after <paramref name="delay"/> (<see cref="TimeSpan.MaxValue"/>: no deadline) or when <paramref name="wake"/> completes.</summary>
    public static async Task UntilAsync(TimeSpan delay, Task wake, TimeProvider time, CancellationToken cancellationToken)
    {
        if (delay == TimeSpan.MaxValue)
        {
            await wake.WaitAsync(cancellationToken);
            return;
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(delay, time, stop.Token);
        await Task.WhenAny(elapsed, wake);
        await stop.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }
}
