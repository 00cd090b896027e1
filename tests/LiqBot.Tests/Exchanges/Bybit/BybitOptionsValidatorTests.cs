using LiqBot.Exchanges.Bybit;

namespace LiqBot.Tests.Exchanges.Bybit;

public sealed class BybitOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Pass()
    {
        Assert.True(new BybitOptionsValidator().Validate(null, new BybitOptions()).Succeeded);
    }

    [Fact]
    public void Validate_BadValues_NameTheKeys()
    {
        var options = new BybitOptions { RestUrl = "ftp://x", StreamUrl = "https://x", PongTimeout = TimeSpan.FromSeconds(30), RequestsPerWindow = 601 };

        var result = new BybitOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Bybit:RestUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bybit:StreamUrl", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bybit:PongTimeout", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("Bybit:RequestsPerWindow", result.FailureMessage, StringComparison.Ordinal);
    }
}
