using System.Diagnostics;
using System.Globalization;
using LiqBot.Alerts;
using LiqBot.Chat;
using LiqBot.Engine.Alerts;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Fakes.Discord;
using LiqBot.Storage;
using LiqBot.Tests.Chat;
using LiqBot.Tests.Chat.Discord;
using LiqBot.Tests.Chat.Telegram;
using LiqBot.Tests.TestSupport;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit.Abstractions;

namespace LiqBot.Tests.Alerts;

/// <summary>
/// An alert's image is rendered once from the replayed sample, stored once, and reaches 1,000 chats on
/// the fake Telegram and the fake Discord over real sockets, every chat's outbox row referring to it by key.
/// </summary>
public sealed class AlertImageFanOutTests(ITestOutputHelper output) : IDisposable
{
    private const int Chats = 1_000;
    private readonly RouterHarness _market = new();

    [Fact]
    public async Task Telegram_AlertWithImage_Reaches1000ChatsAsPhotos_ImageStoredOnce()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(clockScale: 20);
        var images = new SqlAlertImageStore(harness.Store.Database);
        var alert = ProximityAlert();
        await Recorder(images).RecordAsync(alert, CancellationToken.None);
        var chats = Enumerable.Range(1, Chats).Select(i => 300_000L + i).ToList();
        await harness.EnqueueAlertsAsync(chats, alert.DedupeKey);
        var (dispatcher, _) = harness.NewProcess("images", images: new AlertImageAttacher(images));
        var watch = Stopwatch.StartNew();

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Server.SentCount >= Chats, TimeSpan.FromSeconds(240), "1,000 photos accepted");
        watch.Stop();
        await Eventually.TrueAsync(async () => await harness.PendingAsync() == 0, TimeSpan.FromSeconds(60), "the outbox drained");
        await dispatcher.StopAsync(CancellationToken.None);

        var stored = await images.GetAsync(alert.DedupeKey, CancellationToken.None);
        var (count, bytes) = await images.MeasureAsync(CancellationToken.None);
        var sent = harness.Server.Sent;
        Assert.Equal(1, count);
        Assert.NotNull(stored);
        Assert.Equal(chats.Order(), sent.Select(m => m.ChatId).Order());
        Assert.All(sent, m => Assert.Equal("sendPhoto", m.Method, ignoreCase: true));
        Assert.All(sent, m => Assert.Equal(stored, m.Photo));
        Assert.All(sent, m => Assert.Contains("nears the long zone", m.PlainText, StringComparison.Ordinal));
        Assert.Null((await harness.Store.Outbox.GetAsync(1, CancellationToken.None))!.Png);
        var span = sent.Max(m => m.At) - sent.Min(m => m.At);
        output.WriteLine(FormattableString.Invariant(
            $"Telegram, 1,000 chats with one {bytes / 1024.0:0.0} KB image: {span.TotalSeconds:0.0} s at the real limits ({(sent.Count - 1) / span.TotalSeconds:0.0} photos/s), {watch.Elapsed.TotalSeconds:0.0} s wall at 20x, 429s: {harness.Server.TooManyRequests}"));
    }

    [Fact]
    public async Task Discord_AlertWithImage_Reaches1000ChannelsAsAttachments_ImageStoredOnce()
    {
        await using var host = await DiscordTestHost.StartAsync(new FakeDiscordOptions { GlobalLimit = 200 }, o => o.GlobalRequestsPerSecond = 200);
        await using var store = new SqliteOutbox();
        var alert = ProximityAlert();
        await Recorder(store.Images).RecordAsync(alert, CancellationToken.None);
        for (var channel = 0; channel < Chats; channel++)
        {
            await store.EnqueueAsync((2_000_000 + channel).ToString(CultureInfo.InvariantCulture), alert.DedupeKey, alert.Text);
        }

        var dispatcher = store.Dispatcher(host.Sender, images: new AlertImageAttacher(store.Images));
        var started = Stopwatch.GetTimestamp();
        for (var pass = 0; pass < 50 && await store.PendingAsync() > 0; pass++)
        {
            await dispatcher.DispatchOnceAsync(host.Sender, CancellationToken.None);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        var stored = await store.Images.GetAsync(alert.DedupeKey, CancellationToken.None);
        Assert.Equal(0, await store.PendingAsync());
        Assert.Equal(Chats, host.Fake.TotalMessages);
        Assert.Equal(1, (await store.Images.MeasureAsync(CancellationToken.None)).Count);
        var body = Assert.Single(host.Fake.MessagesIn("2000500")).Body;
        Assert.True(body.IsMultipart);
        Assert.Equal(stored, body.Png);
        Assert.Equal("attachment://" + body.FileName, body.EmbedImageUrl);
        Assert.Equal(alert.Text, body.EmbedDescription);
        output.WriteLine(FormattableString.Invariant(
            $"Discord, 1,000 channels with the image: {elapsed.TotalSeconds:0.00} s, {Chats / elapsed.TotalSeconds:0.0} messages/s against a global limit of 200/s, {host.Fake.RateLimits.TooManyRequests} x 429"));
    }

    [Fact]
    public async Task OutboxGrowth_ImageStoredOnce_AgainstOneCopyPerChat()
    {
        var alert = ProximityAlert();
        var png = Assert.IsType<ChatImage>(Charts().Render(alert)).Png;

        await using var shared = new SqliteOutbox();
        await Recorder(shared.Images).RecordAsync(alert, CancellationToken.None);
        await using var perChat = new SqliteOutbox();
        for (var chat = 0; chat < Chats; chat++)
        {
            var id = chat.ToString(CultureInfo.InvariantCulture);
            await shared.EnqueueAsync(id, alert.DedupeKey, alert.Text);
            await perChat.EnqueueAsync(id, alert.DedupeKey, alert.Text, png);
        }

        var sharedBytes = await DatabaseBytesAsync(shared.Database);
        var perChatBytes = await DatabaseBytesAsync(perChat.Database);
        output.WriteLine(FormattableString.Invariant(
            $"1,000 chats, one {png.Length / 1024.0:0.0} KB alert image: database {sharedBytes / 1024.0:0} KB with the image stored once, {perChatBytes / 1024.0 / 1024.0:0.0} MB with a copy per chat"));
        Assert.True(perChatBytes > sharedBytes + (Chats / 2 * (long)png.Length), $"{perChatBytes} vs {sharedBytes}");
    }

    [Fact]
    public async Task AlertWithoutImage_GoesOutAsText()
    {
        await using var harness = await TelegramFanOutHarness.StartAsync(clockScale: 20);
        var images = new SqlAlertImageStore(harness.Store.Database);
        var alert = ProximityAlert() with { Symbol = "DOGEUSDT", DedupeKey = "proximity:DOGEUSDT:long:1" };
        await Recorder(images).RecordAsync(alert, CancellationToken.None);
        await harness.EnqueueAlertsAsync([42], alert.DedupeKey);
        var (dispatcher, _) = harness.NewProcess("text", images: new AlertImageAttacher(images));

        await dispatcher.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => harness.Server.SentCount >= 1, TimeSpan.FromSeconds(60), "the alert sent");
        await dispatcher.StopAsync(CancellationToken.None);

        Assert.Equal(0, (await images.MeasureAsync(CancellationToken.None)).Count);
        Assert.Equal("sendMessage", Assert.Single(harness.Server.Sent).Method, ignoreCase: true);
    }

    public void Dispose() => _market.Dispose();

    private AlertCharts Charts() => new(_market.Markets, new ChartService(TimeProvider.System));

    private AlertImageRecorder Recorder(IAlertImageStore images) => new(Charts(), images, TimeProvider.System, NullLogger<AlertImageRecorder>.Instance);

    private Alert ProximityAlert()
    {
        var book = _market.Markets.Find("BTCUSDT")!.Read(TimeWindow.H24, withHeatmap: false).Book;
        var zone = ZoneFinder.Find(book).First(z => z.Side == Engine.Market.PositionSide.Long);
        return new Alert("BTCUSDT", AlertKinds.Proximity, book.At, $"proximity:BTCUSDT:long:{zone.Low}", "BTCUSDT nears the long zone (est.)", zone.Side, zone, [1]);
    }

    private static async Task<long> DatabaseBytesAsync(StorageDatabase database)
    {
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = connection.Sql("SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()");
        return Convert.ToInt64(await command.ExecuteScalarAsync(CancellationToken.None), CultureInfo.InvariantCulture);
    }
}
