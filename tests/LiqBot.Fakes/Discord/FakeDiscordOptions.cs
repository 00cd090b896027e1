namespace LiqBot.Fakes.Discord;

/// <summary>How the fake Discord behaves. Defaults are Discord's published figures; tests scale them.</summary>
public sealed class FakeDiscordOptions
{
    public string Token { get; set; } = "fake-bot-token";

    public string ApplicationId { get; set; } = "1030118727418646629";

    public string BotUserId { get; set; } = "1030118727418646629";

    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromMilliseconds(41_250);

    /// <summary>The initial response must arrive within this of the dispatch, or the callback gets 10062 Unknown interaction.</summary>
    public TimeSpan InteractionDeadline { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>POST /channels/{id}/messages: this many per window per channel.</summary>
    public int ChannelMessageLimit { get; set; } = 5;

    public TimeSpan ChannelMessageWindow { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Every other non-interaction route: this many per window per route and resource.</summary>
    public int RouteLimit { get; set; } = 50;

    public TimeSpan RouteWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Requests a second per bot, over a sliding second (interaction routes exempt).</summary>
    public int GlobalLimit { get; set; } = 50;

    /// <summary>Privileged intents the application has enabled; asking for others closes with 4014.</summary>
    public int AllowedPrivilegedIntents { get; set; }
}
