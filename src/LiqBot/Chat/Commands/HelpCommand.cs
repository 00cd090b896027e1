using System.Text;
using LiqBot.Exchanges;
using LiqBot.Market;

namespace LiqBot.Chat.Commands;

/// <summary>/help: the commands, and what the map is (and is not).</summary>
internal sealed class HelpCommand(Func<IReadOnlyList<CommandDescriptor>> commands, SymbolCatalog catalog, IReadOnlyList<Venue>? venues = null) : IChatCommand
{
    public CommandDescriptor Descriptor { get; } = new("help", "What LiqBot can do", []);

    public Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        var text = new StringBuilder("LiqBot: estimated liquidation maps from open-interest changes (an estimate, not exchange data).");
        foreach (var command in commands().Where(c => c.Name != "start"))
        {
            text.Append("\n/").Append(command.Name);
            foreach (var option in command.Options)
            {
                text.Append(option.Required ? $" <{option.Name}>" : $" [{option.Name}]");
            }

            text.Append(" - ").Append(command.Description).Append(command.AdminOnly ? " (admins)" : string.Empty);
        }

        text.Append("\nSymbols: ").Append(catalog.Describe()).Append('.');
        if (VenueText.Coverage(venues ?? []) is { Length: > 0 } coverage)
        {
            text.Append("\nVenues: ").Append(Venue.Join(venues!)).Append(" summed; add a venue (").Append(string.Join(", ", venues!.Select(v => v.Key)))
                .Append(") after the window to see one. Its ").Append(coverage).Append('.');
        }
        return Task.FromResult(new ChatReply(text.ToString()));
    }
}
