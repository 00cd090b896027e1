using LiqBot.Chat.Commands;
using LiqBot.Market;

namespace LiqBot.Chat;

/// <summary>
/// Routes a command to its handler, the same for every chat. Checks the arguments' count and
/// length and admin rights first; answers every failure with one short line and changes nothing.
/// </summary>
internal sealed partial class CommandRouter : ICommandRouter
{
    // /config summary takes a cron expression: the key and up to seven fields.
    public const int MaxArguments = 10;
    public const int MaxArgumentLength = 40;

    private readonly Dictionary<string, IChatCommand> _commands;
    private readonly ILogger<CommandRouter> _logger;

    public CommandRouter(IEnumerable<IChatCommand> commands, SymbolCatalog catalog, ILogger<CommandRouter> logger, MarketRegistry? markets = null)
    {
        _logger = logger;
        var all = commands.ToList();
        var descriptors = new List<CommandDescriptor>();
        var help = new HelpCommand(() => descriptors, catalog, markets?.Venues);
        all.Add(help);
        descriptors.AddRange(all.Select(c => c.Descriptor));
        _commands = all.ToDictionary(c => c.Descriptor.Name, StringComparer.OrdinalIgnoreCase);
        _commands["start"] = help;
        Commands = descriptors;
    }

    public IReadOnlyList<CommandDescriptor> Commands { get; }

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (ControlCharacters.FirstIn([request.Command, .. request.Arguments]) is { } control)
        {
            return ChatReply.Error($"Commands cannot contain control characters (found {control}). Try /help.");
        }

        if (!_commands.TryGetValue(request.Command, out var command))
        {
            return ChatReply.Error($"Unknown command /{Shorten(request.Command)}. Try /help.");
        }

        if (request.Arguments.Count > MaxArguments || request.Arguments.Any(a => a.Length > MaxArgumentLength))
        {
            return ChatReply.Error($"Too many or too long arguments (at most {MaxArguments}, {MaxArgumentLength} characters each). Try /help.");
        }

        try
        {
            if (command.Descriptor.AdminOnly && !await request.IsAdminAsync(cancellationToken))
            {
                return ChatReply.Error($"Only this chat's admins can use /{command.Descriptor.Name}.");
            }

            return await command.HandleAsync(request, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogCommandFailed(e, command.Descriptor.Name, request.Chat.ToString());
            return ChatReply.Error("Something went wrong on our side; nothing was changed. Please try again.");
        }
    }

    private static string Shorten(string text) => text.Length <= MaxArgumentLength ? text : text[..MaxArgumentLength] + "...";

    [LoggerMessage(Level = LogLevel.Error, Message = "Command /{Command} from {Chat} failed")]
    private partial void LogCommandFailed(Exception exception, string command, string chat);
}
