namespace LiqBot.Hosting;

/// <summary>Whether a configured address is an absolute URL of an expected scheme.</summary>
internal static class SettingUrl
{
    public static bool IsOf(string value, params string[] schemes) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && schemes.Contains(uri.Scheme);
}
