namespace LiqBot.Market;

/// <summary>Completes when a finite source (a replay) has been fully ingested; a live feed never completes it.</summary>
internal sealed class FeedCompletion
{
    private readonly TaskCompletionSource _ingested = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Ingested => _ingested.Task;

    public void MarkIngested() => _ingested.TrySetResult();
}
