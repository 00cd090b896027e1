using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Telegram;

/// <summary>Checks the Telegram section on start: generated from the data annotations and <see cref="TelegramOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>;
