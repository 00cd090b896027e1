using LiqBot.Chat;
using LiqBot.Chat.Telegram;
using LiqBot.Fakes.Telegram;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Exceptions;

namespace LiqBot.Tests.Chat.Telegram;

public sealed class TelegramOptionsTests
{
    private const string Token = FakeTelegramServer.DefaultToken;

    [Fact]
    public void Validate_MissingToken_NamesTheKeyAndTheEnvironmentVariable()
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions());

        Assert.True(result.Failed);
        Assert.Contains("Telegram:Token", result.FailureMessage);
        Assert.Contains("Telegram__Token", result.FailureMessage);
    }

    [Fact]
    public void Validate_MalformedToken_IsRefusedWithoutEchoingIt()
    {
        var result = new TelegramOptionsValidator().Validate(null, new TelegramOptions { Token = "XYZZY-leaked-value" });

        Assert.True(result.Failed);
        Assert.DoesNotContain("XYZZY", result.FailureMessage);
    }

    [Theory]
    [InlineData("PollTimeout", "00:01:00")]
    [InlineData("GlobalPerSecond", "0")]
    [InlineData("PerGroupPerMinute", "-1")]
    [InlineData("BotName", "a b")]
    [InlineData("ApiUrl", "ftp://example.org")]
    public void Validate_OutOfRange_NamesTheKey(string key, string value)
    {
        var options = Bind(new() { ["Telegram:Token"] = Token, ["Telegram:" + key] = value });

        var result = new TelegramOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Telegram:" + key, result.FailureMessage);
    }

    [Fact]
    public void Defaults_AreThePublishedLimits_AndValidWithAToken()
    {
        var options = Bind(new() { ["Telegram:Token"] = Token, ["Telegram:AdminUserIds:0"] = "42" });

        Assert.True(new TelegramOptionsValidator().Validate(null, options).Succeeded);
        Assert.Equal(new Uri("https://api.telegram.org"), options.ApiUrl);
        Assert.Equal(TimeSpan.FromSeconds(30), options.PollTimeout);
        Assert.Equal((30, 1, 20), (options.GlobalPerSecond, options.PerChatPerSecond, options.PerGroupPerMinute));
        Assert.Equal([42L], options.AdminUserIds);
        Assert.DoesNotContain(Token, options.ToString());
    }

    [Fact]
    public async Task AddLiqBotTelegram_RegistersTheSenderAndThePoller_AndRefusesToStartWithoutAToken()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ICommandRouter>(new TestCommandRouter());
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Telegram:ApiUrl"] = "http://127.0.0.1:9" }).Build();
        services.AddLiqBotTelegram(configuration);
        await using var provider = services.BuildServiceProvider();

        Assert.Single(services, d => d.ServiceType == typeof(IChatSender));
        Assert.Single(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(TelegramPollingWorker));
        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<TelegramOptions>>().Value);
        Assert.Contains("Telegram:Token", error.Message);
        Assert.False(configuration.HasTelegramToken());
    }

    [Fact]
    public async Task Client_NetworkFailure_MessageNeverContainsTheToken()
    {
        using var http = new HttpClient();
        var options = Options.Create(new TelegramOptions { Token = Token, ApiUrl = new Uri("http://127.0.0.1:9") });
        var client = new TelegramBotApi(http, options, TimeProvider.System);

        var error = await Assert.ThrowsAsync<RequestException>(() => client.GetMeAsync(CancellationToken.None));

        Assert.IsNotType<ApiRequestException>(error);
        Assert.Contains("getMe", error.Message);
        Assert.DoesNotContain(Token.Split(':')[1], error.ToString());
    }

    [Fact]
    public async Task Client_ApiError_CarriesCodeAndDescriptionButNotTheToken()
    {
        await using var server = await FakeTelegramServer.StartAsync();
        server.RejectToken = true;
        using var http = new HttpClient();
        var client = new TelegramBotApi(http, Options.Create(new TelegramOptions { Token = Token, ApiUrl = server.BaseUrl }), TimeProvider.System);

        var error = await Assert.ThrowsAsync<ApiRequestException>(() => client.SendMessageAsync(1, "hi", null, CancellationToken.None));

        Assert.Equal(401, error.ErrorCode);
        Assert.Contains("Unauthorized", error.Message);
        Assert.DoesNotContain(Token.Split(':')[1], error.ToString());
    }

    private static TelegramOptions Bind(Dictionary<string, string?> values)
    {
        var options = new TelegramOptions();
        new ConfigurationBuilder().AddInMemoryCollection(values).Build().GetSection("Telegram").Bind(options);
        return options;
    }
}
