using System.Buffers.Binary;
using LiqBot.Tests.TestSupport;

namespace LiqBot.Tests.Cli;

public sealed class RenderVerbTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    [Theory]
    [InlineData("map", 1280, 720)]
    [InlineData("heatmap", 640, 360)]
    [InlineData("map", 2560, 1440)]
    public async Task Render_WritesAPngOfTheAskedSize(string kind, int width, int height)
    {
        var path = _folder.File($"{kind}.png");

        var run = await CliRun.Of("render", "--data", RepoPaths.Sample, "--kind", kind, "--window", "3d", "--width", $"{width}", "--height", $"{height}", "--out", path);

        Assert.Equal(0, run.ExitCode);
        var png = await File.ReadAllBytesAsync(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        Assert.Equal("IHDR", System.Text.Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
    }

    [Fact]
    public async Task Render_BadSize_ExitsTwo() =>
        (await CliRun.Of("render", "--data", RepoPaths.Sample, "--kind", "map", "--width", "100", "--out", _folder.File("x.png"))).AssertBadInput("bad size 100x720");

    [Fact]
    public async Task Render_BadKind_ExitsTwo() =>
        (await CliRun.Of("render", "--data", RepoPaths.Sample, "--kind", "pie", "--out", _folder.File("x.png"))).AssertBadInput("unknown --kind 'pie'");

    [Fact]
    public async Task Render_UnwritablePath_ExitsTwo() =>
        (await CliRun.Of("render", "--data", RepoPaths.Sample, "--kind", "map", "--out", _folder.File("missing/dir/x.png"))).AssertBadInput("cannot write");

    public void Dispose() => _folder.Dispose();
}
