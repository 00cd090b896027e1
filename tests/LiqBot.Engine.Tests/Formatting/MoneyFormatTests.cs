using LiqBot.Engine.Formatting;

namespace LiqBot.Engine.Tests.Formatting;

public sealed class MoneyFormatTests
{
    [Theory]
    [InlineData(1_234_567, "$1.2M")]
    [InlineData(412_000_000, "$412M")]
    [InlineData(41_540_000, "$41.5M")]
    [InlineData(950, "$950")]
    [InlineData(12_300, "$12.3K")]
    [InlineData(999_960, "$1.0M")]
    [InlineData(2_500_000_000, "$2.5B")]
    [InlineData(0, "$0")]
    [InlineData(-3_400_000, "-$3.4M")]
    [InlineData(double.NaN, "n/a")]
    public void Usd_PicksUnitAndPrecision(double amount, string expected)
    {
        Assert.Equal(expected, MoneyFormat.Usd(amount));
    }

    [Theory]
    [InlineData(91_234, 1, "91.2k")]
    [InlineData(88_000, 1, "88.0k")]
    [InlineData(90_000, 0, "90k")]
    [InlineData(91_250, 2, "91.25k")]
    [InlineData(950, 1, "950")]
    [InlineData(0.51234, 1, "0.5123")]
    public void Price_IsCompactInThousands(double price, int decimals, string expected)
    {
        Assert.Equal(expected, MoneyFormat.Price(price, decimals));
    }

    [Theory]
    [InlineData(91_230, "91,230")]
    [InlineData(91_234.56, "91,234.6")]
    [InlineData(150, "150")]
    [InlineData(2.5, "2.5")]
    public void PriceExact_KeepsSeparatorsAndDropsTrailingZeros(double price, string expected)
    {
        Assert.Equal(expected, MoneyFormat.PriceExact(price));
    }

    [Fact]
    public void PriceRange_NamesAZoneAsTheBriefDoes()
    {
        Assert.Equal("88.0k-89.0k", MoneyFormat.PriceRange(88_000, 89_000));
    }

    [Theory]
    [InlineData(-2.44, "-2.4 %")]
    [InlineData(3.1, "+3.1 %")]
    [InlineData(-2.43, "-2.4 %")]
    [InlineData(3.06, "+3.1 %")]
    public void SignedPercent_ShowsTheSign(double percent, string expected)
    {
        Assert.Equal(expected, MoneyFormat.SignedPercent(percent));
    }
}
