using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace LiqBot.Chat.Telegram;

/// <summary>Checks the Telegram section on start; each failure names its key and never echoes the token.</summary>
internal sealed partial class TelegramOptionsValidator : IValidateOptions<TelegramOptions>
{
    public ValidateOptionsResult Validate(string? name, TelegramOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.Token) || !TokenShape().IsMatch(options.Token))
        {
            failures.Add("Telegram:Token must be the bot token from BotFather (digits, a colon, then letters), set with the Telegram__Token environment variable or user secrets.");
        }

        if (!options.ApiUrl.IsAbsoluteUri || options.ApiUrl.Scheme is not ("http" or "https"))
        {
            failures.Add("Telegram:ApiUrl must be an absolute http or https address, e.g. https://api.telegram.org.");
        }

        if (!string.IsNullOrEmpty(options.BotName) && !BotNameShape().IsMatch(options.BotName))
        {
            failures.Add("Telegram:BotName must be the bot's username (5 to 32 letters, digits or underscores), with or without @.");
        }

        Check(failures, "Telegram:PollTimeout", options.PollTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(50));
        Check(failures, "Telegram:RequestTimeout", options.RequestTimeout, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Check(failures, "Telegram:MaxBatchDuration", options.MaxBatchDuration, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(10));
        Check(failures, "Telegram:GlobalPerSecond", options.GlobalPerSecond, 1, 1000);
        Check(failures, "Telegram:PerChatPerSecond", options.PerChatPerSecond, 1, 30);
        Check(failures, "Telegram:PerGroupPerMinute", options.PerGroupPerMinute, 1, 600);
        Check(failures, "Telegram:MaxArgumentsLength", options.MaxArgumentsLength, 1, 4000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(List<string> failures, string key, TimeSpan value, TimeSpan min, TimeSpan max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be from {min:c} to {max:c}.");
        }
    }

    private static void Check(List<string> failures, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            failures.Add($"{key} must be from {min} to {max}.");
        }
    }

    [GeneratedRegex(@"^[0-9]{1,20}:[A-Za-z0-9_-]{20,100}$")]
    private static partial Regex TokenShape();

    [GeneratedRegex(@"^@?[A-Za-z][A-Za-z0-9_]{4,31}$")]
    private static partial Regex BotNameShape();
}
