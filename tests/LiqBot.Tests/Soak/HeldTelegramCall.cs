using LiqBot.Fakes.Telegram;

namespace LiqBot.Tests.Soak;

/// <summary>
/// Holds the bot at one Bot API call: the first call that <c>matches</c> waits in the fake until released (or until
/// the bot dies, when the fake drops it); <see cref="Reached"/> completes when the bot got there.
/// </summary>
internal sealed class HeldTelegramCall
{
    private readonly TaskCompletionSource<FakeTelegramCall> _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public HeldTelegramCall(FakeTelegramServer telegram, Func<FakeTelegramCall, bool> matches) =>
        telegram.Hold = async (call, aborted) =>
        {
            if (matches(call) && _reached.TrySetResult(call))
            {
                await _released.Task.WaitAsync(aborted);
            }
        };

    public Task<FakeTelegramCall> Reached => _reached.Task;

    public void Release() => _released.TrySetResult();
}
