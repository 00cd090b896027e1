namespace LiqBot.Benchmarks.Outbox;

/// <summary>A folder for a benchmark's database files, deleted afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("liqbot-bench-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
