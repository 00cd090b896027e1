using LiqBot.Fakes.Discord;
using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Hosting;

/// <summary>The whole bot with a Discord token, against the fake Discord on 127.0.0.1: the real router, renderer and store.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class DiscordBotTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task SlashLiqMap_IsDeferredThenAnsweredWithTheMapImage()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        string[] args =
        [
            $"--Storage:SqlitePath={_folder.File("liqbot.db")}",
            "--Market:Source=replay",
            $"--Discord:Token={discord.Options.Token}",
            $"--Discord:ApiUrl={discord.ApiUrl}",
            "--Logging:LogLevel:Default=Warning",
        ];
        using var host = BotHost.Build(args, RepoPaths.Sample, "max", TextReader.Null, TextWriter.Null, RepoPaths.Root);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<FeedCompletion>().Ingested.WaitAsync(TimeSpan.FromSeconds(60));

            await Eventually.TrueAsync(() => discord.Gateway.Identifies.Count > 0 && discord.Gateway.IsConnected && discord.CommandRegistrations.Count > 0, TimeSpan.FromSeconds(60), "the bot to identify and register its commands");
            var interaction = await discord.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("liqmap", new Dictionary<string, string> { ["symbol"] = "btc" }));
            await Eventually.TrueAsync(() => interaction.FollowUps.Count > 0, TimeSpan.FromSeconds(60), "the follow-up");

            Assert.Equal(5, interaction.ResponseType);
            var followUp = interaction.FollowUps[0];
            Assert.True(followUp.IsMultipart);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], followUp.Png![..4]);
            Assert.Contains("BTCUSDT 24h, price 63.3k. Longs: densest", followUp.EmbedDescription, StringComparison.Ordinal);
            Assert.Equal(0, interaction.LateCallbacks);
            Assert.Contains("\"liqmap\"", discord.CommandRegistrations[0].Body, StringComparison.Ordinal);
            Assert.Contains("\"default_member_permissions\":\"32\"", discord.CommandRegistrations[0].Body, StringComparison.Ordinal);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _folder.Dispose();
}
