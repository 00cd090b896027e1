using LiqBot.Cli;
using LiqBot.Exchanges.Replay;

namespace LiqBot.Tests.Exchanges.Replay;

public sealed class RecordAndReplayTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("liqbot-rec-").FullName;

    [Fact]
    public void IsRecording_ByNameOrGzipMagic()
    {
        var csv = Path.Combine(_dir, "bars.csv");
        File.WriteAllText(csv, "timestamp,open\n");
        var gz = Path.Combine(_dir, "noext.bin");
        File.WriteAllBytes(gz, [0x1f, 0x8b, 8, 0]);

        Assert.False(RecordingFile.IsRecording(csv));
        Assert.True(RecordingFile.IsRecording(gz));
        Assert.True(RecordingFile.IsRecording("missing.jsonl.gz"));
    }

    [Theory]
    [InlineData("max", null)]
    [InlineData("10", 10.0)]
    [InlineData("0.5", 0.5)]
    public void ParseSpeed_MaxOrPositiveFactor(string text, double? expected) => Assert.Equal(expected, RecordingFile.ParseSpeed(text));

    [Fact]
    public void ParseDuration_BadText_IsAUsageError() => Assert.Throws<UsageException>(() => RecordVerb.ParseDuration("soon"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
