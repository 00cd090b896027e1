using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public sealed class ChatAddressTests
{
    [Theory]
    [InlineData("discord", "1234567890123456789")]
    [InlineData("telegram", "-1001234567890")]
    [InlineData("console", "stdin")]
    public void New_KnownPlatform_IsAccepted(string platform, string chatId)
    {
        var chat = new ChatAddress(platform, chatId);

        Assert.Equal($"{platform}:{chatId}", chat.ToString());
    }

    [Theory]
    [InlineData("slack", "1")]
    [InlineData("Discord", "1")]
    [InlineData("discord", "")]
    [InlineData("discord", " ")]
    public void New_UnknownPlatformOrEmptyId_Throws(string platform, string chatId)
    {
        Assert.Throws<ArgumentException>(() => new ChatAddress(platform, chatId));
    }

    [Fact]
    public void New_OverlongId_Throws()
    {
        Assert.Throws<ArgumentException>(() => new ChatAddress(ChatPlatforms.Telegram, new string('1', ChatAddress.MaxChatIdLength + 1)));
    }
}
