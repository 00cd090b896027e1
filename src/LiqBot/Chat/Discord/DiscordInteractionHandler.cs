using System.Text.Json;
using LiqBot.Storage;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Answers a slash command: a deferred response at once (Discord allows 3 seconds; ephemeral for
/// admin commands), then the router's reply as a follow-up: the image as an attachment shown in an
/// embed whose description is the text. Errors are ephemeral follow-ups. The router runs on a
/// scheduler that uses at most all cores but one, so renders that compute on the calling thread
/// cannot take every thread-pool thread and hold up the deferrals of the commands behind them.
/// </summary>
internal sealed partial class DiscordInteractionHandler(
    ICommandRouter router,
    DiscordRestClient rest,
    IOptions<DiscordOptions> options,
    ILogger<DiscordInteractionHandler> logger)
{
    private const string DeferredPublic = """{"type":5}""";
    private const string DeferredEphemeral = """{"type":5,"data":{"flags":64}}""";
    private readonly TaskScheduler _commandScheduler =
        new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, Math.Max(1, Environment.ProcessorCount - 1)).ConcurrentScheduler;

    /// <summary>Starts handling without holding up the gateway's receive loop.</summary>
    public void Dispatch(JsonElement interaction, CancellationToken cancellationToken) =>
        _ = Task.Run(() => HandleAsync(interaction, cancellationToken), CancellationToken.None);

    public async Task HandleAsync(JsonElement data, CancellationToken cancellationToken)
    {
        try
        {
            var interaction = DiscordInteraction.Parse(data);
            if (interaction.Type != DiscordInteraction.ApplicationCommand)
            {
                return;
            }

            var descriptor = router.Commands.FirstOrDefault(c => string.Equals(c.Name, interaction.CommandName, StringComparison.OrdinalIgnoreCase));
            var ephemeral = descriptor is null || descriptor.AdminOnly;
            var callback = await rest.SendJsonAsync(
                DiscordRoute.InteractionCallback(interaction.Id, interaction.Token), ephemeral ? DeferredEphemeral : DeferredPublic, cancellationToken);
            if (!callback.IsSuccess)
            {
                LogDeferFailed(interaction.CommandName, callback.Describe());
                return;
            }

            var reply = descriptor is null
                ? ChatReply.Error($"Unknown command /{interaction.CommandName}.")
                : await Task.Factory.StartNew(
                    () => RouteAsync(interaction, descriptor, (line, token) => FollowUpAsync(interaction, line, ephemeral, token), cancellationToken), cancellationToken, TaskCreationOptions.DenyChildAttach, _commandScheduler).Unwrap();
            var flags = reply.IsError || ephemeral ? DiscordMessageBody.EphemeralFlag : 0;
            var applicationId = ApplicationId(interaction);
            if (reply.IsError && !ephemeral)
            {
                // The first follow-up replaces the public "thinking..." message and keeps its visibility;
                // removing that message first lets the error follow-up be seen by the user alone.
                await rest.SendJsonAsync(DiscordRoute.DeleteOriginal(applicationId, interaction.Token), null, cancellationToken);
            }

            var followUp = await rest.SendAsync(
                DiscordRoute.FollowUp(applicationId, interaction.Token), DiscordMessageBody.Create(reply.Text, reply.Image, flags), cancellationToken);
            if (!followUp.IsSuccess)
            {
                LogFollowUpFailed(interaction.CommandName, followUp.Describe());
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        catch (Exception e)
        {
            LogInteractionFailed(e);
        }
    }

    private string ApplicationId(DiscordInteraction interaction) =>
        string.IsNullOrEmpty(interaction.ApplicationId) ? options.Value.ApplicationId ?? "" : interaction.ApplicationId;

    /// <summary>A line ahead of the reply (a warm-up notice): the first follow-up, which replaces "thinking...".</summary>
    private async Task FollowUpAsync(DiscordInteraction interaction, string line, bool ephemeral, CancellationToken cancellationToken)
    {
        var sent = await rest.SendAsync(
            DiscordRoute.FollowUp(ApplicationId(interaction), interaction.Token), DiscordMessageBody.Create(line, null, ephemeral ? DiscordMessageBody.EphemeralFlag : 0), cancellationToken);
        if (!sent.IsSuccess)
        {
            LogFollowUpFailed(interaction.CommandName, sent.Describe());
        }
    }

    private async Task<ChatReply> RouteAsync(DiscordInteraction interaction, CommandDescriptor descriptor, Func<string, CancellationToken, Task> progress, CancellationToken cancellationToken)
    {
        var isAdmin = DiscordPermissions.IsAdmin(interaction, options.Value.AdminRoleIds);
        var arguments = descriptor.Options
            .Where(option => interaction.Options.ContainsKey(option.Name))
            .Select(option => interaction.Options[option.Name])
            .ToList();
        var chatId = interaction.ChannelId ?? interaction.UserId ?? interaction.Id;
        var request = new ChatRequest(
            new ChatAddress(ChatPlatforms.Discord, chatId),
            interaction.UserId ?? "",
            descriptor.Name,
            arguments,
            _ => ValueTask.FromResult(isAdmin),
            progress);
        try
        {
            return await router.HandleAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogRouterFailed(e, descriptor.Name);
            return ChatReply.Error("Sorry, that failed on our side. Please try again in a minute.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord /{Command}: the deferred response was refused ({Response}); the user sees 'interaction failed'")]
    private partial void LogDeferFailed(string? command, string response);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord /{Command}: the follow-up was refused ({Response})")]
    private partial void LogFollowUpFailed(string? command, string response);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord /{Command}: the router failed; the user got an ephemeral error")]
    private partial void LogRouterFailed(Exception exception, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Discord interaction could not be handled")]
    private partial void LogInteractionFailed(Exception exception);
}
