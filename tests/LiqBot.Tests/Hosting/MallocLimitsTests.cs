using System.Runtime.InteropServices;
using LiqBot.Hosting;

namespace LiqBot.Tests.Hosting;

public sealed class MallocLimitsTests
{
    [Theory]
    [InlineData("GLIBC_TUNABLES", "glibc.malloc.arena_max=4")]
    [InlineData("MALLOC_ARENA_MAX", "8")]
    [InlineData("MALLOC_MMAP_THRESHOLD_", "65536")]
    public void Apply_WhenTheOperatorSetMalloc_KeepsTheirSettings(string name, string value)
    {
        var environment = new Dictionary<string, string> { [name] = value };

        Assert.Equal(MallocLimits.Outcome.KeptOperatorSettings, MallocLimits.Apply(environment.GetValueOrDefault));
    }

    [Fact]
    public void Apply_WithoutOperatorSettings_TakesBothOnGlibc()
    {
        var glibc = OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libc.so.6", out _);

        Assert.Equal(glibc ? MallocLimits.Outcome.Applied : MallocLimits.Outcome.NotGlibc, MallocLimits.Apply(_ => null));
    }
}
