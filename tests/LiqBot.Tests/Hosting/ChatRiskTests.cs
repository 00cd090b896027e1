using LiqBot.Fakes.Discord;
using LiqBot.Fakes.Telegram;
using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Hosting;

/// <summary>/risk through the whole bot on the fake Telegram and the fake Discord: a photo with the text, and Discord's typed options.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class ChatRiskTests : IDisposable
{
    private const long Group = -1001283156137;
    private const string Expected = "Long 20x from 64,000: liquidated at 61,120 (-3.5 % from 63,332; mmr 0.50 %";
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Telegram_Risk_IsAnsweredWithThePhotoAndTheText()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        await RunAsync(
            [$"--Telegram:Token={telegram.Token}", $"--Telegram:ApiUrl={telegram.BaseUrl}", "--Telegram:PollTimeout=00:00:02"],
            async () =>
            {
                telegram.EnqueueMessage(Group, "supergroup", 187486854, "/risk@LiqBot btc long 20x 64000");
                telegram.EnqueueMessage(Group, "supergroup", 187486854, "/risk@LiqBot btc long 500x 64000");
                await Eventually.TrueAsync(() => telegram.Sent.Count >= 2, TimeSpan.FromSeconds(60), "both replies");

                var photo = telegram.Sent.Single(m => m.Method == "sendPhoto");
                Assert.Equal(Group, photo.ChatId);
                Assert.StartsWith(Expected, photo.PlainText, StringComparison.Ordinal);
                Assert.Contains(" est. of long liquidations", photo.PlainText, StringComparison.Ordinal);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.Photo![..4]);
                var refusal = telegram.Sent.Single(m => m.Method == "sendMessage");
                Assert.Equal("Leverage must be between 1x and 125x (configured default, no venue tiers in a replay).", refusal.PlainText);
            });
    }

    [Fact]
    public async Task Discord_Risk_WithTypedOptions_IsAnsweredWithTheImageAndTheEmbed()
    {
        await using var discord = await FakeDiscordServer.StartAsync();
        await RunAsync(
            [$"--Discord:Token={discord.Options.Token}", $"--Discord:ApiUrl={discord.ApiUrl}"],
            async () =>
            {
                await Eventually.TrueAsync(() => discord.Gateway.IsConnected && discord.CommandRegistrations.Count > 0, TimeSpan.FromSeconds(60), "the bot to register its commands");
                var options = new Dictionary<string, string> { ["symbol"] = "btc", ["side"] = "long", ["leverage"] = "20", ["entry"] = "64000" };
                var interaction = await discord.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("risk", options));
                await Eventually.TrueAsync(() => interaction.FollowUps.Count > 0, TimeSpan.FromSeconds(60), "the follow-up");

                var followUp = interaction.FollowUps[0];
                Assert.True(followUp.IsMultipart);
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], followUp.Png![..4]);
                Assert.StartsWith(Expected, followUp.EmbedDescription, StringComparison.Ordinal);
                Assert.Contains("\"name\":\"leverage\",\"description\":\"Leverage, e.g. 20 (isolated margin)\",\"type\":10", discord.CommandRegistrations[0].Body, StringComparison.Ordinal);
            });
    }

    public void Dispose() => _folder.Dispose();

    private async Task RunAsync(string[] chat, Func<Task> exchange)
    {
        string[] args = [$"--Storage:SqlitePath={_folder.File("liqbot.db")}", "--Market:Source=replay", "--Logging:LogLevel:Default=Warning", .. chat];
        using var host = BotHost.Build(args, RepoPaths.Sample, "max", TextReader.Null, TextWriter.Null, RepoPaths.Root);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<FeedCompletion>().Ingested.WaitAsync(TimeSpan.FromSeconds(60));
            await exchange();
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
