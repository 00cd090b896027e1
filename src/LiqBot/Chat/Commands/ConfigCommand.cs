using LiqBot.Alerts;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>/config shows the chat's settings; /config &lt;key&gt; &lt;value&gt; sets one (admins only).</summary>
internal sealed class ConfigCommand(ISubscriptionStore store, SubscriptionChanges changes) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new(
        "config",
        "Show or set this chat's alert and summary settings",
        [new("key", "Setting to change", Required: false, Choices: ChatSettingKeys.All), new("value", "New value", Required: false, Choices: [])],
        AdminOnly: true,
        Example: "/config proximity_pct 0.5, /config window 3d");

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var settings = await store.GetSettingsAsync(request.Chat, cancellationToken);
        if (request.Arguments.Count == 0)
        {
            return new ChatReply("Settings: " + string.Join(", ", ChatSettingsParser.Describe(settings).Select(p => $"{p.Key} {p.Value}")) + ". Change one with /config <key> <value>.");
        }

        if (request.Arguments.Count == 1)
        {
            return ChatReply.Error($"Usage: /config <key> <value>. Keys: {string.Join(", ", ChatSettingKeys.All)}.");
        }

        var value = string.Join(' ', request.Arguments.Skip(1));
        if (!ChatSettingsParser.TryApply(settings, request.Arguments[0], value, out var updated, out var error))
        {
            return ChatReply.Error(error);
        }

        await store.SaveSettingsAsync(request.Chat, updated, cancellationToken);
        changes.Notify();
        var shown = ChatSettingsParser.Describe(updated).First(p => p.Key.Equals(request.Arguments[0].Trim(), StringComparison.OrdinalIgnoreCase));
        return new ChatReply($"Set {shown.Key} to {shown.Value}.");
    }
}
