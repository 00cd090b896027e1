using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Binance;

/// <summary>Validates <see cref="BinanceOptions"/> on start; each failure names the key.</summary>
internal sealed class BinanceOptionsValidator : IValidateOptions<BinanceOptions>
{
    public ValidateOptionsResult Validate(string? name, BinanceOptions options)
    {
        var errors = new List<string>();
        OptionChecks.Url(errors, "Binance:RestUrl", options.RestUrl, "http", "https");
        OptionChecks.Url(errors, "Binance:StreamUrl", options.StreamUrl, "ws", "wss");
        OptionChecks.Positive(errors, "Binance:ConnectionLifetime", options.ConnectionLifetime);
        if (options.ConnectionLifetime > TimeSpan.FromHours(24))
        {
            errors.Add("Binance:ConnectionLifetime must not exceed 24 hours (Binance closes the connection then).");
        }

        options.Check(BinanceOptions.Section, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
