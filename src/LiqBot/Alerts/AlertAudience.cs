using LiqBot.Engine.Alerts;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Alerts;

/// <summary>
/// Who gets which symbol's alerts: loads the active subscriptions and each chat's thresholds from
/// the store, hands them to the symbols' rules, and maps the rules' subscriber ids back to chats.
/// </summary>
internal sealed class AlertAudience(ISubscriptionStore store)
{
    private volatile Dictionary<long, ChatAddress> _chats = [];

    public ChatAddress? ChatOf(long subscriberId) => _chats.GetValueOrDefault(subscriberId);

    public int Count => _chats.Count;

    public async Task ReloadAsync(MarketRegistry markets, CancellationToken cancellationToken)
    {
        var chats = new Dictionary<long, ChatAddress>();
        var settingsByChat = new Dictionary<ChatAddress, AlertThresholds>();
        foreach (var market in markets.All)
        {
            var subscribers = new List<AlertSubscriber>();
            foreach (var subscription in await store.ListActiveSubscriptionsAsync(market.Symbol, AlertKinds.All, cancellationToken))
            {
                if (!settingsByChat.TryGetValue(subscription.Chat, out var thresholds))
                {
                    thresholds = (await store.GetSettingsAsync(subscription.Chat, cancellationToken)).ToThresholds();
                    settingsByChat[subscription.Chat] = thresholds;
                }

                var id = chats.Count + 1L;
                chats[id] = subscription.Chat;
                subscribers.Add(new AlertSubscriber(id, subscription.Kinds, thresholds));
            }

            lock (market.Gate)
            {
                market.Rules.SetSubscribers(subscribers);
            }
        }

        _chats = chats;
    }
}
