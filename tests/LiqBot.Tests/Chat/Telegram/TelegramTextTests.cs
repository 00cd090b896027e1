using LiqBot.Chat.Telegram;

namespace LiqBot.Tests.Chat.Telegram;

public sealed class TelegramTextTests
{
    [Theory]
    [InlineData("plain 88.0k-89.0k", "plain 88.0k-89.0k")]
    [InlineData("a & <b> > c", "a &amp; &lt;b&gt; &gt; c")]
    [InlineData("&amp;", "&amp;amp;")]
    public void Escape_ReplacesExactlyAmpersandAndAngleBrackets(string text, string html) =>
        Assert.Equal(html, TelegramHtml.Escape(text));

    [Fact]
    public void SplitHead_CutsAtTheLastLineBreakThatFits()
    {
        var (head, rest) = TelegramTextSplitter.SplitHead("first line\nsecond line", 15);

        Assert.Equal("first line", head);
        Assert.Equal("second line", rest);
    }

    [Fact]
    public void SplitHead_WithoutBreaks_NeverCutsAnEmojiInHalf()
    {
        var text = new string('x', 9) + "🚀" + "yyyy";

        var (head, rest) = TelegramTextSplitter.SplitHead(text, 10);

        Assert.Equal(new string('x', 9), head);
        Assert.Equal("🚀yyyy", rest);
    }

    [Fact]
    public void Split_CoversTheWholeTextInPiecesWithinTheLimit()
    {
        var text = string.Join(" ", Enumerable.Range(0, 2000).Select(i => $"w{i}"));

        var pieces = TelegramTextSplitter.Split(text, TelegramTextSplitter.MaxMessageLength);

        Assert.All(pieces, piece => Assert.InRange(piece.Length, 1, TelegramTextSplitter.MaxMessageLength));
        Assert.Equal(text, string.Join(" ", pieces));
    }
}
