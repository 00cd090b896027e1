using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Binance;

/// <summary>Checks the Binance section on start: generated from the annotations and <see cref="VenueOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class BinanceOptionsValidator : IValidateOptions<BinanceOptions>;
