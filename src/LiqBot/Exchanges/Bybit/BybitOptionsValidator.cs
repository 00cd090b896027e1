using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Validates <see cref="BybitOptions"/> on start; each failure names the key.</summary>
internal sealed class BybitOptionsValidator : IValidateOptions<BybitOptions>
{
    public ValidateOptionsResult Validate(string? name, BybitOptions options)
    {
        var errors = new List<string>();
        OptionChecks.Url(errors, "Bybit:RestUrl", options.RestUrl, "http", "https");
        OptionChecks.Url(errors, "Bybit:StreamUrl", options.StreamUrl, "ws", "wss");
        OptionChecks.Positive(errors, "Bybit:WarmStart", options.WarmStart);
        OptionChecks.Positive(errors, "Bybit:PingInterval", options.PingInterval);
        OptionChecks.Positive(errors, "Bybit:PongTimeout", options.PongTimeout);
        OptionChecks.Positive(errors, "Bybit:ReconnectBaseDelay", options.ReconnectBaseDelay);
        OptionChecks.Positive(errors, "Bybit:ReconnectMaxDelay", options.ReconnectMaxDelay);
        OptionChecks.Positive(errors, "Bybit:RestRetryDelay", options.RestRetryDelay);
        OptionChecks.Positive(errors, "Bybit:BanPause", options.BanPause);
        OptionChecks.Positive(errors, "Bybit:RequestWindow", options.RequestWindow);
        OptionChecks.Positive(errors, "Bybit:RequestTimeout", options.RequestTimeout);
        if (options.PongTimeout >= options.PingInterval)
        {
            errors.Add("Bybit:PongTimeout must be shorter than Bybit:PingInterval.");
        }

        if (options.ReconnectBaseDelay > options.ReconnectMaxDelay)
        {
            errors.Add("Bybit:ReconnectBaseDelay must not exceed Bybit:ReconnectMaxDelay.");
        }

        if (options.RequestsPerWindow is < 1 or > 600)
        {
            errors.Add("Bybit:RequestsPerWindow must be between 1 and 600 (Bybit's IP limit).");
        }

        if (options.RestMaxRetries < 0)
        {
            errors.Add("Bybit:RestMaxRetries must not be negative.");
        }

        if (options.ReorderWindow < TimeSpan.Zero || options.ReorderWindow > TimeSpan.FromSeconds(30))
        {
            errors.Add("Bybit:ReorderWindow must be between 0 and 30 seconds.");
        }

        if (options.EventChannelCapacity < 1)
        {
            errors.Add("Bybit:EventChannelCapacity must be positive.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
