using LiqBot.Fakes.Discord;
using LiqBot.Fakes.Telegram;
using LiqBot.Hosting;
using LiqBot.Market;
using LiqBot.Tests.Hosting;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Market;

/// <summary>A symbol asked for on demand on the fake Telegram and the fake Discord: the warm-up line first, then the reply.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class OnDemandChatTests : IDisposable
{
    private const long Group = -1001283156137;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task Telegram_NewSymbol_GetsTheWarmUpMessage_ThenTheMap()
    {
        await using var venues = await OnDemandVenues.StartAsync();
        await using var telegram = await FakeTelegramServer.StartAsync();
        await RunAsync(venues, [$"--Telegram:Token={telegram.Token}", $"--Telegram:ApiUrl={telegram.BaseUrl}", "--Telegram:PollTimeout=00:00:02"], async () =>
        {
            telegram.EnqueueMessage(Group, "supergroup", 187486854, "/liqmap@LiqBot sol");
            await Eventually.UntilAsync(() => telegram.Sent.Count >= 2, "the warm-up message and the map");

            var (notice, map) = (telegram.Sent[0], telegram.Sent[1]);
            Assert.Equal("sendMessage", notice.Method);
            Assert.StartsWith("Warming up SOLUSDT on Binance+Bybit+OKX from 1 day of history, about ", notice.PlainText, StringComparison.Ordinal);
            Assert.Equal("sendPhoto", map.Method);
            Assert.StartsWith("SOLUSDT 24h, Binance+Bybit+OKX, price ", map.PlainText, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Discord_NewSymbol_GetsTheWarmUpFollowUp_ThenTheMap()
    {
        await using var venues = await OnDemandVenues.StartAsync();
        await using var discord = await FakeDiscordServer.StartAsync();
        await RunAsync(venues, [$"--Discord:Token={discord.Options.Token}", $"--Discord:ApiUrl={discord.ApiUrl}"], async () =>
        {
            await Eventually.UntilAsync(() => discord.Gateway.IsConnected && discord.CommandRegistrations.Count > 0, "the bot to register its commands");
            var interaction = await discord.Gateway.DispatchInteractionAsync(new FakeInteractionRequest("liqmap", new Dictionary<string, string> { ["symbol"] = "xrp" }));
            await Eventually.UntilAsync(() => interaction.FollowUps.Count >= 2, "the warm-up follow-up and the map");

            Assert.StartsWith("Warming up XRPUSDT on Binance+Bybit+OKX from 1 day of history, about ", interaction.FollowUps[0].Content, StringComparison.Ordinal);
            Assert.StartsWith("XRPUSDT 24h, Binance+Bybit+OKX, price ", interaction.FollowUps[1].EmbedDescription, StringComparison.Ordinal);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], interaction.FollowUps[1].Png![..4]);
        });
    }

    public void Dispose() => _folder.Dispose();

    private async Task RunAsync(OnDemandVenues venues, string[] chat, Func<Task> exchange)
    {
        using var host = BotHost.Build(venues.Settings(_folder.File("liqbot.db"), chat), null, null, TextReader.Null, TextWriter.Null, RepoPaths.Root);
        await host.StartAsync();
        try
        {
            var btc = host.Services.GetRequiredService<MarketRegistry>().Find("BTCUSDT")!;
            var listed = host.Services.GetRequiredService<ListedSymbols>();
            await Eventually.UntilAsync(() => listed.Venues.Count == 3 && btc.VenuesIn(null).Count == 3, "the instrument lists, and BTCUSDT warm on every venue");
            await exchange();
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
