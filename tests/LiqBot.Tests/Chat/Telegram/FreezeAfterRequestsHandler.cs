namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// Lets the first <paramref name="allowed"/> requests through and holds every later one until the
/// client is disposed: a process that died mid fan-out, whatever the machine's speed. Nothing more
/// reaches the server, and what the process had claimed stays leased in the outbox.
/// </summary>
internal sealed class FreezeAfterRequestsHandler(int allowed) : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly TaskCompletionSource _frozen = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Completes when the first request beyond the allowance was held.</summary>
    public Task Frozen => _frozen.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _started) > allowed)
        {
            _frozen.TrySetResult();
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
