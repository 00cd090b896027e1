using LiqBot.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LiqBot.Tests.Hosting;

public sealed class TerseConsoleFormatterTests
{
    private static readonly Exception Failure = Thrown();

    [Fact]
    public void AnErrorWithAnException_IsOneLine_WithTheTypeAndMessageOnly()
    {
        var text = Format(LogLevel.Error, "Store failed");

        Assert.Equal("fail: LiqBot.Test: Store failed (IOException: disk full)" + Environment.NewLine, text);
    }

    [Fact]
    public void ADebugEntry_CarriesTheStackTrace()
    {
        var text = Format(LogLevel.Debug, "detail");

        Assert.StartsWith("dbug: LiqBot.Test: detail" + Environment.NewLine + "System.IO.IOException: disk full", text, StringComparison.Ordinal);
        Assert.Contains("   at ", text, StringComparison.Ordinal);
    }

    private static string Format(LogLevel level, string message)
    {
        using var writer = new StringWriter();
        var entry = new LogEntry<string>(level, "LiqBot.Test", default, message, Failure, (state, _) => state);
        new TerseConsoleFormatter().Write(entry, null, writer);
        return writer.ToString();
    }

    private static Exception Thrown()
    {
        try
        {
            throw new IOException("disk full");
        }
        catch (IOException e)
        {
            return e;
        }
    }
}
