using System.Globalization;
using System.Text;
using System.Text.Json;
using LiqBot.Exchanges;

namespace LiqBot.Tests.Exchanges;

public sealed class JsonReaderNumbersTests
{
    [Theory]
    [InlineData("16578.50")]
    [InlineData("0.001")]
    [InlineData("-0.005")]
    [InlineData("32824881841.75")]
    [InlineData("0.04499")]
    [InlineData("1.5E-7")]
    [InlineData("123456789012345678")]
    [InlineData("7")]
    public void ReadDouble_MatchesInvariantDoubleParse(string text)
    {
        Assert.Equal(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), Read($"\"{text}\""));
    }

    [Fact]
    public void ReadDouble_RandomPrices_MatchDoubleParseBitForBit()
    {
        var random = new Random(7);
        for (var i = 0; i < 10_000; i++)
        {
            var text = Math.Round(random.NextDouble() * 200_000, random.Next(0, 8)).ToString(CultureInfo.InvariantCulture);
            Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), Read($"\"{text}\""));
        }
    }

    [Fact]
    public void ReadDouble_EmptyStringIsNull_GarbageThrows()
    {
        Assert.Null(Read("\"\""));
        Assert.Throws<JsonException>(() => Read("\"12a\""));
        Assert.Equal(0.5, Read("0.5"));
    }

    [Theory]
    [InlineData("\"16578.50\"", 16578.5)]
    [InlineData("\"1\\u0036578.5\"", 16578.5)]
    [InlineData("16578.5", 16578.5)]
    public void TryReadDouble_StringsEscapesAndNumbers(string json, double expected)
    {
        var reader = Reader(json);

        Assert.True(JsonReaderNumbers.TryReadDouble(ref reader, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("\"\"")]
    [InlineData("null")]
    [InlineData("true")]
    [InlineData("\"12a\"")]
    [InlineData("\"\\u0031111111111111111111111111111111111111111111111111111111111111111111\"")]
    public void TryReadDouble_NoNumber_IsFalseWithoutThrowing(string json)
    {
        var reader = Reader(json);

        Assert.False(JsonReaderNumbers.TryReadDouble(ref reader, out _));
    }

    [Theory]
    [InlineData("1646312440645", true)]
    [InlineData("\"1646312440645\"", true)]
    [InlineData("\"16463124406\\u00345\"", true)]
    [InlineData("\"164631244064x\"", false)]
    [InlineData("1.5", false)]
    [InlineData("\"\"", false)]
    public void TryReadInt64_NumbersAndStrings(string json, bool read)
    {
        var reader = Reader(json);

        Assert.Equal(read, JsonReaderNumbers.TryReadInt64(ref reader, out var value));
        Assert.Equal(read ? 1646312440645 : 0, read ? value : 0);
    }

    private static Utf8JsonReader Reader(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return reader;
    }

    private static double? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonReaderNumbers.ReadDouble(ref reader);
    }
}
