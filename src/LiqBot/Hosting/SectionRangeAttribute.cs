using System.ComponentModel.DataAnnotations;

namespace LiqBot.Hosting;

/// <summary>
/// [Range] for settings a base class shares between sections (Binance and Okx both have WarmStart): its
/// failure names the key of the section being checked ("Okx:WarmStart must be from ..."). The generated
/// validator calls the member "OkxOptions.WarmStart"; the key is the class name without "Options".
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SectionRangeAttribute : RangeAttribute
{
    private const string OptionsSuffix = "Options.";

    public SectionRangeAttribute(int minimum, int maximum)
        : base(minimum, maximum) => ErrorMessage = "{0} must be from {1} to {2}.";

    /// <summary>For TimeSpan bounds written as "hh:mm:ss".</summary>
    public SectionRangeAttribute(Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        ErrorMessage = "{0} must be from {1} to {2}.";
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }

    public override string FormatErrorMessage(string name) => base.FormatErrorMessage(KeyOf(name));

    private static string KeyOf(string displayName) =>
        displayName.IndexOf(OptionsSuffix, StringComparison.Ordinal) is var at and > 0
            ? displayName[..at] + ":" + displayName[(at + OptionsSuffix.Length)..]
            : displayName;
}
