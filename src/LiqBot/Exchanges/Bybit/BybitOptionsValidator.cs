using Microsoft.Extensions.Options;

namespace LiqBot.Exchanges.Bybit;

/// <summary>Checks the Bybit section on start: generated from the annotations and <see cref="BybitOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class BybitOptionsValidator : IValidateOptions<BybitOptions>;
