namespace LiqBot.Chat.Discord;

/// <summary>Runs the gateway session; when it stops for good (bad token, disallowed intents) the rest of the bot goes on.</summary>
internal sealed class DiscordWorker(DiscordGatewayClient gateway) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => gateway.RunAsync(stoppingToken);
}
