using LiqBot.Storage;

namespace LiqBot.Chat.Telegram;

/// <summary>
/// One update's answer as outbox messages. Their dedupe keys name the bot and the update, so handling the
/// same update again (after a kill) queues nothing new. An image goes as a photo with the head of the text
/// as its caption (1024), the rest as messages of at most 4096; every piece replies to the user's message,
/// in its forum topic; the sender escapes the text for HTML.
/// </summary>
internal sealed class TelegramUpdateReplies(string botName, int updateId, long chatId, TelegramReplyTarget replyTo)
{
    private int _progressLines;

    /// <summary>A line ahead of the answer ("Warming up SOLUSDT ..."), numbered in the order the handler sends them.</summary>
    public OutboxEnvelope Progress(string line) =>
        Envelope("progress" + Interlocked.Increment(ref _progressLines).ToString(System.Globalization.CultureInfo.InvariantCulture), line, null);

    public IReadOnlyList<OutboxEnvelope> Answer(ChatReply reply)
    {
        var envelopes = new List<OutboxEnvelope>();
        var text = reply.Text;
        if (reply.Image is { } image)
        {
            (var caption, text) = TelegramTextSplitter.SplitHead(reply.Text, TelegramTextSplitter.MaxCaptionLength);
            envelopes.Add(Envelope("0", caption, image.Png));
        }

        foreach (var piece in TelegramTextSplitter.Split(text, TelegramTextSplitter.MaxMessageLength))
        {
            envelopes.Add(Envelope(envelopes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), piece, null));
        }

        return envelopes;
    }

    private OutboxEnvelope Envelope(string part, string text, byte[]? png) => new(
        $"tg-update:{botName}:{updateId}:{part}",
        new ChatAddress(ChatPlatforms.Telegram, chatId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        OutboxMessageKind.Reply,
        text,
        png,
        ReplyToMessageId: replyTo.MessageId,
        ReplyThreadId: replyTo.ThreadId);
}
