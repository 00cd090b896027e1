namespace LiqBot.Exchanges;

/// <summary>The checks every venue's options validator makes; each message names the key.</summary>
internal static class OptionChecks
{
    public static void Url(List<string> errors, string key, string value, params string[] schemes)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || !schemes.Contains(uri.Scheme))
        {
            errors.Add($"{key} must be an absolute {string.Join(" or ", schemes)} URL.");
        }
    }

    public static void Positive(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            errors.Add($"{key} must be positive.");
        }
    }

    public static void Between(List<string> errors, string key, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            errors.Add($"{key} must be between {min} and {max}.");
        }
    }
}
