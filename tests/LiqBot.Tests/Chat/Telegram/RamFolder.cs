namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// A fresh folder in memory (/dev/shm) when the machine has one, else under temp; deleted on dispose.
/// The fan-out tests commit one SQLite transaction per message, each with an fsync (synchronous=FULL);
/// on a disk that costs about 2 ms, which would measure the disk rather than the sender.
/// </summary>
internal sealed class RamFolder : IDisposable
{
    public RamFolder()
    {
        var root = Directory.Exists("/dev/shm") ? "/dev/shm" : System.IO.Path.GetTempPath();
        Path = System.IO.Path.Combine(root, "liqbot-telegram-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still open; the folder is in memory or temp and goes with the machine.
        }
    }
}
