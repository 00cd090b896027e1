using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Registers the router's commands by bulk overwrite, for Discord:DevelopmentGuildId when set
/// (instant) else globally (may take up to an hour to show). Admin commands default to members
/// with Manage Server; the handler still checks, since server admins can change that default.
/// </summary>
internal sealed partial class DiscordCommandRegistrar(
    ICommandRouter router,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<DiscordCommandRegistrar> logger)
{
    private const int StringOption = 3;
    private const int NumberOption = 10;
    private const int MaxChoices = 25;
    private int _registered;

    /// <summary>Registers once per process; a failure is logged and tried again on the next READY.</summary>
    public async Task EnsureRegisteredAsync(string applicationId, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _registered, 1, 0) != 0)
        {
            return;
        }

        var done = false;
        try
        {
            done = await RegisterAsync(applicationId, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            LogRegistrationFailed(e.Message);
        }
        finally
        {
            if (!done)
            {
                Interlocked.Exchange(ref _registered, 0);
            }
        }
    }

    public async Task<bool> RegisterAsync(string applicationId, CancellationToken cancellationToken)
    {
        var guild = options.Value.DevelopmentGuildId;
        var route = string.IsNullOrEmpty(guild) ? DiscordRoute.GlobalCommands(applicationId) : DiscordRoute.GuildCommands(applicationId, guild);
        var response = await rest.SendJsonAsync(route, Build(router.Commands).ToJsonString(), cancellationToken);
        if (!response.IsSuccess)
        {
            LogRegistrationFailed(response.Describe() + " " + response.Body);
            return false;
        }

        LogRegistered(router.Commands.Count, string.IsNullOrEmpty(guild) ? "globally" : "for guild " + guild);
        return true;
    }

    /// <summary>The bulk body: CHAT_INPUT commands with STRING options (choices when fixed) or NUMBER options (with bounds), required ones first.</summary>
    public static JsonArray Build(IReadOnlyList<CommandDescriptor> commands)
    {
        var array = new JsonArray();
        foreach (var command in commands)
        {
            var options = new JsonArray();
            foreach (var option in command.Options.OrderByDescending(o => o.Required))
            {
                var json = new JsonObject
                {
                    ["name"] = option.Name.ToLowerInvariant(),
                    ["description"] = Limit(option.Description),
                    ["type"] = option.Kind == CommandOptionKind.Number ? NumberOption : StringOption,
                    ["required"] = option.Required,
                };
                if (option.Min is { } min)
                {
                    json["min_value"] = min;
                }

                if (option.Max is { } max)
                {
                    json["max_value"] = max;
                }

                if (option.Choices.Count > 0)
                {
                    json["choices"] = new JsonArray(option.Choices.Take(MaxChoices)
                        .Select(choice => (JsonNode)new JsonObject { ["name"] = choice, ["value"] = choice }).ToArray());
                }

                options.Add(json);
            }

            var body = new JsonObject
            {
                ["name"] = command.Name.ToLowerInvariant(),
                ["type"] = 1,
                ["description"] = Limit(command.Description),
                ["options"] = options,
                ["contexts"] = new JsonArray(0, 1),
            };
            if (command.AdminOnly)
            {
                body["default_member_permissions"] = DiscordPermissions.ManageGuild.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            array.Add(body);
        }

        return array;
    }

    private static string Limit(string text) => string.IsNullOrWhiteSpace(text) ? "-" : text.Length <= 100 ? text : text[..99] + "…";

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord: {Count} slash commands registered {Scope}")]
    private partial void LogRegistered(int count, string scope);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord: registering slash commands failed: {Reason}")]
    private partial void LogRegistrationFailed(string reason);
}
