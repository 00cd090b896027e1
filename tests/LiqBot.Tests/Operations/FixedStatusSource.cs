using System.Runtime.CompilerServices;
using LiqBot.Engine.Market;
using LiqBot.Exchanges;

namespace LiqBot.Tests.Operations;

/// <summary>A source that only has a status, set by the test.</summary>
internal sealed class FixedStatusSource(FeedStatus status, bool isFinite = false) : IMarketSource
{
    public FeedStatus Status { get; set; } = status;

    public FeedCounters? Counters => null;

    public bool IsFinite => isFinite;

    public async IAsyncEnumerable<MarketEvent> StreamAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        yield break;
    }
}
