using System.Text;
using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Chat.Commands;

/// <summary>/help: the commands; /help &lt;command&gt;: its arguments and an example; /help map: what the map is (and is not).</summary>
internal sealed class HelpCommand(Func<IReadOnlyList<CommandDescriptor>> commands, SymbolCatalog catalog, IReadOnlyList<Venue>? venues = null) : IChatCommand
{
    public const string MapTopic = "map";

    public CommandDescriptor Descriptor { get; } = new(
        "help",
        "What LiqBot can do; /help map: what the estimated map is",
        [new("topic", "A command, or map", Required: false, Choices: [])],
        Example: "/help risk, /help map");

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        if (request.Arguments.Count > 1)
        {
            return Task.FromResult(ChatReply.Error("Usage: /help [command or map], e.g. /help risk or /help map."));
        }

        if (request.Arguments.Count == 1)
        {
            return Task.FromResult(Topic(request.Arguments[0].Trim().TrimStart('/')));
        }

        var text = new StringBuilder("LiqBot: estimated liquidation maps from open-interest changes (an estimate, not exchange data). /help map explains it; /help <command> gives an example.");
        foreach (var command in commands().Where(c => c.Name != "start"))
        {
            text.Append("\n/").Append(command.Name).Append(Usage(command))
                .Append(" - ").Append(command.Description).Append(command.AdminOnly ? " (admins)" : string.Empty);
        }

        text.Append("\nSymbols: ").Append(catalog.DescribeAll()).Append('.');
        if (VenueText.Coverage(venues ?? []) is { Length: > 0 } coverage)
        {
            text.Append("\nVenues: ").Append(Venue.Join(venues!)).Append(" summed; add a venue (").Append(string.Join(", ", venues!.Select(v => v.Key)))
                .Append(") after the window to see one. Its ").Append(coverage).Append('.');
        }
        return Task.FromResult(new ChatReply(text.ToString()));
    }

    private ChatReply Topic(string topic)
    {
        if (topic.Equals(MapTopic, StringComparison.OrdinalIgnoreCase))
        {
            return new ChatReply(MapExplainer.Text.Trim());
        }

        var command = commands().FirstOrDefault(c => c.Name.Equals(topic, StringComparison.OrdinalIgnoreCase));
        if (command is null)
        {
            return ChatReply.Error($"No command /{(topic.Length <= 20 ? topic : topic[..20] + "...")}. Try /help for the list, or /help map.");
        }

        var text = new StringBuilder("/").Append(command.Name).Append(Usage(command)).Append(" - ").Append(command.Description)
            .Append(command.AdminOnly ? " (admins)" : string.Empty);
        foreach (var option in command.Options)
        {
            text.Append("\n  ").Append(option.Name).Append(": ").Append(option.Description);
            if (option.Choices.Count > 0)
            {
                text.Append(" (").Append(string.Join(", ", option.Choices)).Append(')');
            }
            else if (option.Min is not null || option.Max is not null)
            {
                text.Append(" (").Append(option.Min?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) ?? "-")
                    .Append(" to ").Append(option.Max?.ToString("0.######", System.Globalization.CultureInfo.InvariantCulture) ?? "any").Append(')');
            }
        }

        if (command.Example is { } example)
        {
            text.Append("\nExample: ").Append(example);
        }

        return new ChatReply(text.ToString());
    }

    private static string Usage(CommandDescriptor command) =>
        string.Concat(command.Options.Select(o => o.Required ? $" <{o.Name}>" : $" [{o.Name}]"));
}
