using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Hosting;
using Microsoft.Extensions.Configuration;

namespace LiqBot.Tests.Hosting;

public sealed class ModelOptionsReaderTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();

    [Fact]
    public void Read_VariantKeys_ReachTheModelOptions()
    {
        var options = ModelOptionsReader.Read(Config(
            ("Model:Tiers:0:Leverage", "10"),
            ("Model:Tiers:0:Weight", "1"),
            ("Model:Tiers:1:Leverage", "150"),
            ("Model:Tiers:1:Weight", "0.1"),
            ("Model:Tiers:1:HalfLife", "04:00:00"),
            ("Model:Tiers:1:Side", "short"),
            ("Model:PriceDirectionShare", "0.5"),
            ("Model:AdverseCloseShare", "0.25"),
            ("Model:SpreadEntriesOverRange", "true")));

        Assert.Equal([new LeverageTier(10, 1), new LeverageTier(150, 0.1, TimeSpan.FromHours(4), PositionSide.Short)], options.Tiers);
        Assert.Equal(0.5, options.PriceDirectionShare);
        Assert.Equal(0.25, options.AdverseCloseShare);
        Assert.True(options.SpreadEntriesOverRange);
    }

    [Fact]
    public void Read_Nothing_KeepsTheDefaults() => Assert.Equal(new ModelOptions(), ModelOptionsReader.Read(Config()));

    [Theory]
    [InlineData("Model:Tiers:0:Side", "sideways", "Model:Tiers:0:Side 'sideways' is not long or short.")]
    [InlineData("Model:Tiers:0:HalfLife", "soon", "Model:Tiers:0:HalfLife 'soon' is not a duration")]
    [InlineData("Model:SpreadEntriesOverRange", "maybe", "Model:SpreadEntriesOverRange 'maybe' is not true or false.")]
    [InlineData("Model:AdverseCloseShare", "2", "Model:AdverseCloseShare 2 is outside [0, 1].")]
    public void Read_BadValue_NamesItsKey(string key, string value, string expected)
    {
        var error = Assert.Throws<InvalidOperationException>(() => ModelOptionsReader.Read(Config(("Model:Tiers:0:Leverage", "10"), ("Model:Tiers:0:Weight", "1"), (key, value))));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
