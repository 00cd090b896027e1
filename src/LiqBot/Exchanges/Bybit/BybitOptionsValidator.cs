using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Validates <see cref="BybitOptions"/> on start; each failure names the key.</summary>
internal sealed class BybitOptionsValidator : IValidateOptions<BybitOptions>
{
    public ValidateOptionsResult Validate(string? name, BybitOptions options)
    {
        var errors = new List<string>();
        CheckUrl(errors, "Bybit:RestUrl", options.RestUrl, "http", "https");
        CheckUrl(errors, "Bybit:StreamUrl", options.StreamUrl, "ws", "wss");
        Positive(errors, "Bybit:WarmStart", options.WarmStart);
        Positive(errors, "Bybit:PingInterval", options.PingInterval);
        Positive(errors, "Bybit:PongTimeout", options.PongTimeout);
        Positive(errors, "Bybit:ReconnectBaseDelay", options.ReconnectBaseDelay);
        Positive(errors, "Bybit:ReconnectMaxDelay", options.ReconnectMaxDelay);
        Positive(errors, "Bybit:RestRetryDelay", options.RestRetryDelay);
        Positive(errors, "Bybit:BanPause", options.BanPause);
        Positive(errors, "Bybit:RequestWindow", options.RequestWindow);
        Positive(errors, "Bybit:RequestTimeout", options.RequestTimeout);
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

    private static void CheckUrl(List<string> errors, string key, string value, params string[] schemes)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            errors.Add($"{key} must be an absolute {string.Join(" or ", schemes)} URL.");
        }
    }

    private static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive.");
        }
    }
}
