using Microsoft.Extensions.Options;

namespace LiqBot.Market;

/// <summary>Checks the Market section before the host picks its source: generated from the annotations and <see cref="MarketOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class MarketOptionsValidator : IValidateOptions<MarketOptions>;
