using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Discord;

/// <summary>Checks the Discord section on start: generated from the annotations and <see cref="DiscordOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class DiscordOptionsValidator : IValidateOptions<DiscordOptions>;
