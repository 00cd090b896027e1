using Microsoft.Extensions.Options;

namespace LiqBot.Alerts;

/// <summary>Checks the Outbox section on start, generated from its data annotations.</summary>
[OptionsValidator]
internal sealed partial class OutboxOptionsValidator : IValidateOptions<OutboxOptions>;
