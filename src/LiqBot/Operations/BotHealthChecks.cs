using LiqBot.Exchanges;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace LiqBot.Operations;

/// <summary>
/// What /healthz checks: one feed check per venue ("feed:bybit", ...), the market data's age, the store
/// and the chat adapters. Built in the bot's container; the endpoint's own web app runs them by name.
/// </summary>
internal sealed class BotHealthChecks(VenueFeeds feeds, FeedLagHealthCheck lag, StoreHealthCheck store, ChatConnectionsHealthCheck chats)
{
    public IEnumerable<(string Name, IHealthCheck Check)> All()
    {
        foreach (var feed in feeds.All)
        {
            yield return ("feed:" + feed.Venue.Key, new FeedHealthCheck(feed, feeds));
        }

        yield return ("feed lag", lag);
        yield return ("store", store);
        yield return ("chat", chats);
    }
}
