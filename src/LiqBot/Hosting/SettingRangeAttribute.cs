using System.ComponentModel.DataAnnotations;

namespace LiqBot.Hosting;

/// <summary>
/// [Range] whose failure names the configuration key ("Telegram:PollTimeout must be from 00:00:01
/// to 00:00:50."). A subclass on purpose: the [OptionsValidator] generator swaps a plain [Range]
/// for its own copy, which drops ErrorMessage and names the C# property instead of the key.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
internal sealed class SettingRangeAttribute : RangeAttribute
{
    public SettingRangeAttribute(string key, int minimum, int maximum)
        : base(minimum, maximum) => ErrorMessage = key + " must be from {1} to {2}.";

    public SettingRangeAttribute(string key, double minimum, double maximum)
        : base(minimum, maximum) => ErrorMessage = key + " must be from {1} to {2}.";

    /// <summary>For TimeSpan bounds written as "hh:mm:ss".</summary>
    public SettingRangeAttribute(string key, Type type, string minimum, string maximum)
        : base(type, minimum, maximum)
    {
        ErrorMessage = key + " must be from {1} to {2}.";
        ParseLimitsInInvariantCulture = true;
        ConvertValueInInvariantCulture = true;
    }
}
