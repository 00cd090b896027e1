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

    private static double? Read(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        reader.Read();
        return JsonReaderNumbers.ReadDouble(ref reader);
    }
}
