using LiqBot.Chat;
using LiqBot.Chat.Discord;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace LiqBot.Tests.Chat.Discord;

public sealed class DiscordServiceCollectionExtensionsTests
{
    [Fact]
    public async Task AddLiqBotDiscord_WithoutToken_RegistersNothing()
    {
        await using var services = Build(new() { ["Discord:ApiUrl"] = "http://127.0.0.1:1/api/v10" });

        Assert.Empty(services.GetServices<IChatSender>());
        Assert.Empty(services.GetServices<IHostedService>());
    }

    [Fact]
    public async Task AddLiqBotDiscord_WithToken_RegistersTheSenderAndTheGatewayWorker()
    {
        await using var services = Build(new()
        {
            ["Discord:Token"] = "token-from-the-environment",
            ["Discord:ApiUrl"] = "http://127.0.0.1:1/api/v10",
            ["Discord:AdminRoleIds:0"] = "539082325061836999",
            ["Discord:ShardId"] = "1",
            ["Discord:ShardCount"] = "2",
        });

        Assert.Equal("discord", Assert.Single(services.GetServices<IChatSender>()).Platform);
        Assert.IsType<DiscordWorker>(Assert.Single(services.GetServices<IHostedService>()));
        var options = services.GetRequiredService<IOptions<DiscordOptions>>().Value;
        Assert.Equal(["539082325061836999"], options.AdminRoleIds);
        Assert.Equal((1, 2), (options.ShardId, options.ShardCount));
    }

    [Fact]
    public async Task AddLiqBotDiscord_BadValues_FailNamingTheKeysWithoutTheToken()
    {
        await using var services = Build(new()
        {
            ["Discord:Token"] = "s3cr3t token with spaces",
            ["Discord:ApiUrl"] = "not a url",
            ["Discord:ShardId"] = "2",
            ["Discord:DevelopmentGuildId"] = "my-guild",
        });

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<DiscordOptions>>().Value);

        Assert.Contains("Discord:Token", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:ApiUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:ShardId", error.Message, StringComparison.Ordinal);
        Assert.Contains("Discord:DevelopmentGuildId", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", error.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddSingleton<ICommandRouter, TestCommandRouter>();
        services.AddLiqBotDiscord(configuration);
        return services.BuildServiceProvider();
    }
}
