using System.Net;
using System.Text.RegularExpressions;

namespace LiqBot.Fakes.Telegram;

/// <summary>
/// Telegram's HTML parse mode as the server applies it: only its tags, only &amp;lt; &amp;gt;
/// &amp;amp; &amp;quot; and numeric entities; a bare &lt;, &gt; or &amp; is a 400 "can't parse entities".
/// </summary>
internal static partial class FakeTelegramHtml
{
    private static readonly HashSet<string> Tags =
        ["b", "strong", "i", "em", "u", "ins", "s", "strike", "del", "span", "tg-spoiler", "a", "code", "pre", "blockquote", "tg-emoji"];

    /// <summary>The text users would see, or null with the reason when Telegram would refuse it.</summary>
    public static string? Parse(string html, out string? error)
    {
        error = null;
        var withoutTags = TagPattern().Replace(html, match => Tags.Contains(match.Groups[1].Value.ToLowerInvariant()) ? string.Empty : "\u0000");
        if (withoutTags.Contains('\u0000', StringComparison.Ordinal))
        {
            error = "Bad Request: can't parse entities: unsupported start tag";
            return null;
        }

        if (withoutTags.IndexOfAny(['<', '>']) >= 0)
        {
            error = "Bad Request: can't parse entities: unexpected < or >";
            return null;
        }

        if (BareAmpersand().Match(withoutTags) is { Success: true } bare)
        {
            error = $"Bad Request: can't parse entities: bare & at offset {bare.Index}";
            return null;
        }

        return WebUtility.HtmlDecode(withoutTags);
    }

    [GeneratedRegex(@"</?([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?>")]
    private static partial Regex TagPattern();

    [GeneratedRegex("&(?!(lt|gt|amp|quot|#[0-9]+|#x[0-9a-fA-F]+);)")]
    private static partial Regex BareAmpersand();
}
