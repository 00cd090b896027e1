using System.Text;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>/alerts: this chat's subscriptions and thresholds.</summary>
internal sealed class AlertsCommand(ISubscriptionStore store) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("alerts", "This chat's subscriptions and thresholds", [], Example: "/alerts");

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Count > 0)
        {
            return ChatReply.Error("Usage: /alerts (no arguments).");
        }

        var subscriptions = await store.ListSubscriptionsAsync(request.Chat, cancellationToken);
        var settings = await store.GetSettingsAsync(request.Chat, cancellationToken);
        var text = new StringBuilder(subscriptions.Count == 0 ? "No subscriptions: /subscribe btc to get alerts." : "Subscriptions:");
        foreach (var subscription in subscriptions)
        {
            text.Append("\n- ").Append(subscription.Symbol).Append(": ").Append(CommandOptions.Describe(subscription.Kinds));
            if (subscription.PausedReason is { } reason)
            {
                text.Append(" (paused: ").Append(reason).Append(')');
            }
        }

        text.Append("\nThresholds: ").Append(string.Join(", ", ChatSettingsParser.Describe(settings).Select(p => $"{p.Key} {p.Value}")));
        return new ChatReply(text.ToString());
    }
}
