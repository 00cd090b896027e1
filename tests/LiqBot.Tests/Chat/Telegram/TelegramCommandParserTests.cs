using LiqBot.Chat.Telegram;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace LiqBot.Tests.Chat.Telegram;

public sealed class TelegramCommandParserTests
{
    [Theory]
    [InlineData("/liqmap@LiqBot btc 24h", 14, "liqmap", "btc|24h")]
    [InlineData("/LiqMap@liqbot BTC", 14, "liqmap", "BTC")]
    [InlineData("/liqmap", 7, "liqmap", "")]
    [InlineData("/liqmap   btc\n24h  ", 7, "liqmap", "btc|24h")]
    [InlineData("/echo 🚀📉 btc", 5, "echo", "🚀📉|btc")]
    public void Parse_CommandForThisBot_GivesNameAndArguments(string text, int entityLength, string name, string arguments)
    {
        var command = TelegramCommandParser.Parse(Message(text, Entity(0, entityLength)), "LiqBot", 200);

        Assert.NotNull(command);
        Assert.Equal(name, command.Name);
        Assert.Equal(arguments, string.Join("|", command.Arguments));
    }

    [Fact]
    public void Parse_CommandForAnotherBot_IsNull() =>
        Assert.Null(TelegramCommandParser.Parse(Message("/liqmap@OtherBot btc", Entity(0, 16)), "LiqBot", 200));

    [Fact]
    public void Parse_CommandNotAtTheStart_IsNull()
    {
        // "🔥 " is three UTF-16 units, so Telegram puts the entity at offset 3.
        var message = Message("🔥 /liqmap btc", Entity(3, 7));

        Assert.Null(TelegramCommandParser.Parse(message, "LiqBot", 200));
    }

    [Fact]
    public void Parse_PicksTheCommandEntityAtOffsetZero_AmongOthersCountedInUtf16()
    {
        var text = "/echo@LiqBot 👋🏽 @someone /config";
        var message = Message(
            text,
            Mention(text.IndexOf('@', 7), 8),
            Entity(text.LastIndexOf('/'), 7),
            Entity(0, 12));

        var command = TelegramCommandParser.Parse(message, "@LiqBot", 200);

        Assert.NotNull(command);
        Assert.Equal("echo", command.Name);
        Assert.Equal(["👋🏽", "@someone", "/config"], command.Arguments);
    }

    [Fact]
    public void Parse_ArgumentsOverTheBound_AreFlaggedNotHandled()
    {
        var command = TelegramCommandParser.Parse(Message("/echo " + new string('x', 300), Entity(0, 5)), "LiqBot", 200);

        Assert.NotNull(command);
        Assert.True(command.ArgumentsTooLong);
        Assert.Empty(command.Arguments);
    }

    [Theory]
    [InlineData("just text")]
    [InlineData("/")]
    public void Parse_NoUsableCommand_IsNull(string text) =>
        Assert.Null(TelegramCommandParser.Parse(Message(text, Entity(0, text.Length)), "LiqBot", 200));

    private static MessageEntity Entity(int offset, int length) => new() { Type = MessageEntityType.BotCommand, Offset = offset, Length = length };

    private static MessageEntity Mention(int offset, int length) => new() { Type = MessageEntityType.Mention, Offset = offset, Length = length };

    private static Message Message(string text, params MessageEntity[] entities) => new()
    {
        Id = 1,
        From = new User { Id = 7, FirstName = "U" },
        Chat = new() { Id = -100, Type = ChatType.Supergroup, Title = "G" },
        Text = text,
        Entities = entities,
    };
}
