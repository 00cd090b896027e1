using System.Text;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// Text for parse_mode HTML: per the Bot API, every &amp;, &lt; and &gt; that is not markup becomes
/// its entity (&amp; first, so entities written here are not escaped again).
/// </summary>
internal static class TelegramHtml
{
    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny('&', '<', '>') < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }
}
