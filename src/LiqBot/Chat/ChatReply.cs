namespace LiqBot.Chat;

/// <summary>
/// What the bot answers: plain text (adapters escape it for their markup), an optional PNG, and
/// whether it is an error (Discord answers errors ephemerally).
/// </summary>
internal sealed record ChatReply(string Text, ChatImage? Image = null, bool IsError = false)
{
    public static ChatReply Error(string text) => new(text, IsError: true);
}

/// <summary>A PNG to attach, with its file name ("liqmap-BTCUSDT-24h.png").</summary>
internal sealed record ChatImage(string FileName, byte[] Png);
