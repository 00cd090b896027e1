using LiqBot.Storage;

namespace LiqBot.Chat.Console;

/// <summary>Delivers the console chat's alerts and summaries by printing them.</summary>
internal sealed class ConsoleChatSender(ConsoleChatIO io) : IChatSender
{
    public string Platform => ChatPlatforms.Console;

    public async Task SendAsync(IReadOnlyList<OutboxMessage> batch, IDeliveryReport report, CancellationToken cancellationToken)
    {
        foreach (var message in batch)
        {
            await io.Output.WriteLineAsync($"[{message.Kind.ToString().ToLowerInvariant()}] {message.Text}");
            if (message.Png is { } png)
            {
                await io.Output.WriteLineAsync($"image: {io.Save(new ChatImage($"{message.Kind.ToString().ToLowerInvariant()}-{message.Id}.png", png))}");
            }

            await io.Output.FlushAsync(cancellationToken);
            await report.SentAsync(message, cancellationToken);
        }
    }
}
