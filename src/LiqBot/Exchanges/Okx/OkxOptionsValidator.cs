using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Okx;

/// <summary>Checks the Okx section on start: generated from the annotations and <see cref="VenueOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class OkxOptionsValidator : IValidateOptions<OkxOptions>;
