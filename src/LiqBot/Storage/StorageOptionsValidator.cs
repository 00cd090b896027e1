using Microsoft.Extensions.Options;

namespace LiqBot.Storage;

/// <summary>Checks the Storage section on start: generated from the annotations and <see cref="StorageOptions.Validate"/>.</summary>
[OptionsValidator]
internal sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>;
