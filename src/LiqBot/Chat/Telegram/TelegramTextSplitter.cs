namespace LiqBot.Chat.Telegram;

/// <summary>Cuts plain text into pieces Telegram accepts (captions 1024, messages 4096 characters), at a line or word break when there is one.</summary>
internal static class TelegramTextSplitter
{
    public const int MaxCaptionLength = 1024;
    public const int MaxMessageLength = 4096;

    /// <summary>The longest head of at most <paramref name="maxLength"/> characters, and the rest (empty when it all fits).</summary>
    public static (string Head, string Remainder) SplitHead(string text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            return (text, string.Empty);
        }

        var cut = text.LastIndexOf('\n', maxLength - 1, maxLength);
        if (cut <= 0)
        {
            cut = text.LastIndexOf(' ', maxLength - 1, maxLength);
        }

        if (cut <= 0)
        {
            // No break: cut hard, but never between the two halves of a surrogate pair (an emoji).
            cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        }

        return (text[..cut].TrimEnd(), text[cut..].TrimStart());
    }

    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        var pieces = new List<string>();
        var rest = text;
        while (rest.Length > 0)
        {
            (var head, rest) = SplitHead(rest, maxLength);
            if (head.Length > 0)
            {
                pieces.Add(head);
            }
        }

        return pieces;
    }
}
