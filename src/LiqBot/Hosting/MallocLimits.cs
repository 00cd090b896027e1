using System.Runtime.InteropServices;

namespace LiqBot.Hosting;

/// <summary>
/// Two glibc malloc settings, applied before the bot starts any work. Native memory in use never passed
/// 15 MB in a 35-minute soak (heaptrack), yet glibc's arenas held 80-90 MB of it: each thread that draws a
/// chart gets its own arena (up to 8 per core), a freed multi-megabyte Skia bitmap raises the mmap threshold
/// to its size, so later bitmaps come from the arenas, and an arena gives back only what is free at its top.
/// A fixed mmap threshold sends every block of 128 KB or more to mmap, returned to the system when freed;
/// two arenas bound what the rest can strand. An operator's own settings (GLIBC_TUNABLES,
/// MALLOC_ARENA_MAX, MALLOC_MMAP_THRESHOLD_) win: then nothing is changed.
/// </summary>
internal static class MallocLimits
{
    public const int Arenas = 2;
    public const int MmapThresholdBytes = 128 * 1024;

    // mallopt parameters from glibc's malloc.h.
    private const int ArenaMaxParameter = -8;
    private const int MmapThresholdParameter = -3;

    private static readonly string[] OperatorSettings = ["GLIBC_TUNABLES", "MALLOC_ARENA_MAX", "MALLOC_MMAP_THRESHOLD_"];

    public enum Outcome
    {
        Applied,
        KeptOperatorSettings,
        NotGlibc,
    }

    public static Outcome Apply(Func<string, string?> environment)
    {
        if (OperatorSettings.Any(name => !string.IsNullOrEmpty(environment(name))))
        {
            return Outcome.KeptOperatorSettings;
        }

        if (!OperatingSystem.IsLinux())
        {
            return Outcome.NotGlibc;
        }

        try
        {
            // mallopt answers 1 when it took the value.
            return Mallopt(MmapThresholdParameter, MmapThresholdBytes) == 1 && Mallopt(ArenaMaxParameter, Arenas) == 1 ? Outcome.Applied : Outcome.NotGlibc;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return Outcome.NotGlibc; // musl and other C libraries: no libc.so.6 or no mallopt.
        }
    }

    // DllImport, not LibraryImport: the source-generated form needs unsafe code in the project for one blittable call.
    [DllImport("libc.so.6", EntryPoint = "mallopt", ExactSpelling = true)]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int Mallopt(int parameter, int value);
}
