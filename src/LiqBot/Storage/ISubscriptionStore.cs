using LiqBot.Engine.Alerts;

namespace LiqBot.Storage;

/// <summary>Chats, their settings and their subscriptions: what /subscribe, /alerts and /config change.</summary>
internal interface ISubscriptionStore
{
    /// <summary>The chat's settings, or <see cref="ChatSettings.Default"/> if it never changed any.</summary>
    Task<ChatSettings> GetSettingsAsync(ChatAddress chat, CancellationToken cancellationToken);

    Task SaveSettingsAsync(ChatAddress chat, ChatSettings settings, CancellationToken cancellationToken);

    /// <summary>Chats whose summary is scheduled and that are not paused, for the scheduler to (re)plan on start.</summary>
    Task<IReadOnlyList<ScheduledSummary>> ListScheduledSummariesAsync(CancellationToken cancellationToken);

    /// <summary>Adds <paramref name="kinds"/> to the chat's subscription to the symbol (creating it) and returns the result.</summary>
    Task<Subscription> SubscribeAsync(ChatAddress chat, string symbol, AlertKinds kinds, CancellationToken cancellationToken);

    /// <summary>Removes the chat's subscription to the symbol; false if there was none.</summary>
    Task<bool> UnsubscribeAsync(ChatAddress chat, string symbol, CancellationToken cancellationToken);

    /// <summary>Removes all the chat's subscriptions; returns how many there were.</summary>
    Task<int> UnsubscribeAllAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>The chat's subscriptions, paused or not, by symbol.</summary>
    Task<IReadOnlyList<Subscription>> ListSubscriptionsAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>Subscriptions to the symbol of chats that are not paused, listening to any of <paramref name="kinds"/>.</summary>
    Task<IReadOnlyList<Subscription>> ListActiveSubscriptionsAsync(string symbol, AlertKinds kinds, CancellationToken cancellationToken);

    /// <summary>Every symbol some chat subscribes to (paused chats included): these stay tracked, and are tracked again at start.</summary>
    Task<IReadOnlySet<string>> ListSubscribedSymbolsAsync(CancellationToken cancellationToken);

    /// <summary>Stops alerts and summaries to the chat (for example the bot was removed), keeping its subscriptions.</summary>
    Task PauseChatAsync(ChatAddress chat, string reason, CancellationToken cancellationToken);

    Task ResumeChatAsync(ChatAddress chat, CancellationToken cancellationToken);

    /// <summary>
    /// Re-addresses everything of a chat that changed id (Telegram's migrate_to_chat_id): settings,
    /// subscriptions, summary history and outbox. Where the new chat already has a row of its own, that row wins.
    /// </summary>
    Task MoveChatAsync(ChatAddress from, ChatAddress to, CancellationToken cancellationToken);
}
