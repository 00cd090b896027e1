using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Okx;

/// <summary>Validates <see cref="OkxOptions"/> on start; each failure names the key.</summary>
internal sealed class OkxOptionsValidator : IValidateOptions<OkxOptions>
{
    public ValidateOptionsResult Validate(string? name, OkxOptions options)
    {
        var errors = new List<string>();
        OptionChecks.Url(errors, "Okx:RestUrl", options.RestUrl, "http", "https");
        OptionChecks.Url(errors, "Okx:PublicStreamUrl", options.PublicStreamUrl, "ws", "wss");
        OptionChecks.Url(errors, "Okx:BusinessStreamUrl", options.BusinessStreamUrl, "ws", "wss");
        if (options.IdleTimeout + options.ReplyTimeout >= TimeSpan.FromSeconds(30))
        {
            errors.Add("Okx:IdleTimeout plus Okx:ReplyTimeout must stay under 30 seconds (OKX drops a connection silent for 30 s).");
        }

        options.Check(OkxOptions.Section, errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
