namespace LiqBot.Tests.TestSupport;

/// <summary>Finds files of the repository from the test's output folder.</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Sample => Path.Combine(Root, "samples", "btc-30m-oi-liquidations-2026-05-21_2026-06-07.csv");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "LiqBot.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("LiqBot.sln not found above " + AppContext.BaseDirectory);
    }
}
