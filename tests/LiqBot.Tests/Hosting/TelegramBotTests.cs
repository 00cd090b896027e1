using LiqBot.Fakes.Telegram;
using LiqBot.Hosting;
using LiqBot.Tests.TestSupport;
using LiqBot.Market;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace LiqBot.Tests.Hosting;

/// <summary>The whole bot with a Telegram token, against the fake Bot API on 127.0.0.1: the real router, renderer and store.</summary>
[Collection(nameof(ConsoleBotCollection))]
public sealed class TelegramBotTests : IDisposable
{
    private const long Group = -1001283156137;
    private readonly TempDirectory _folder = new();

    [Fact]
    public async Task LiqMapAddressedToTheBot_InAGroup_GetsThePhotoWithTheBrief()
    {
        await using var telegram = await FakeTelegramServer.StartAsync();
        string[] args =
        [
            $"--Storage:SqlitePath={_folder.File("liqbot.db")}",
            "--Market:Source=replay",
            $"--Telegram:Token={telegram.Token}",
            $"--Telegram:ApiUrl={telegram.BaseUrl}",
            "--Telegram:PollTimeout=00:00:02",
            "--Logging:LogLevel:Default=Warning",
        ];
        using var host = BotHost.Build(args, RepoPaths.Sample, "max", TextReader.Null, TextWriter.Null, RepoPaths.Root);
        await host.StartAsync();
        try
        {
            await host.Services.GetRequiredService<FeedCompletion>().Ingested.WaitAsync(TimeSpan.FromSeconds(60));
            telegram.EnqueueMessage(Group, "supergroup", 187486854, "/liqmap@LiqBot btc");

            await Eventually.TrueAsync(() => telegram.Sent.Any(m => m.Method == "sendPhoto"), TimeSpan.FromSeconds(60), "the photo reply");
            var photo = telegram.Sent.Single(m => m.Method == "sendPhoto");

            Assert.Equal(Group, photo.ChatId);
            Assert.Contains("BTCUSDT 24h, price 63.3k. Longs: densest", photo.PlainText, StringComparison.Ordinal);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], photo.Photo![..4]);
            Assert.Equal(0, telegram.TooManyRequests);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    public void Dispose() => _folder.Dispose();
}
