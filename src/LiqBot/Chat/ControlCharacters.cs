using System.Globalization;

namespace LiqBot.Chat;

/// <summary>
/// Finds characters that must never be echoed into a reply: controls (NUL, ESC, SOH ...) and invisible
/// format characters (RLO and the other bidirectional overrides), which can garble or disguise text.
/// </summary>
internal static class ControlCharacters
{
    /// <summary>"U+001B" for the first such character in the texts; null when there is none.</summary>
    public static string? FirstIn(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                if (char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format)
                {
                    return $"U+{(int)c:X4}";
                }
            }
        }

        return null;
    }
}
