using LiqBot.Exchanges;

namespace LiqBot.Tests.Exchanges;

public sealed class BackoffTests
{
    [Fact]
    public void Delay_FirstRetryWithinOneSecond_ThenDoublesUpToTheCap()
    {
        var random = new Random(42);
        var baseDelay = TimeSpan.FromSeconds(1);
        var cap = TimeSpan.FromSeconds(60);

        for (var i = 0; i < 100; i++)
        {
            var first = Backoff.Delay(0, baseDelay, cap, random);
            Assert.InRange(first, TimeSpan.FromMilliseconds(500), baseDelay);
            Assert.InRange(Backoff.Delay(3, baseDelay, cap, random), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8));
            Assert.InRange(Backoff.Delay(50, baseDelay, cap, random), TimeSpan.FromSeconds(30), cap);
        }
    }
}
