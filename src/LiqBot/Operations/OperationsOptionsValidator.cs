using Microsoft.Extensions.Options;

namespace LiqBot.Operations;

/// <summary>Checks the Operations section on start, generated from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class OperationsOptionsValidator : IValidateOptions<OperationsOptions>;
