using Microsoft.Extensions.Hosting;

namespace LiqBot.Storage;

/// <summary>
/// Opens the store and migrates it while the host starts, so a damaged file or unreachable server
/// stops the host at once with the store's message instead of failing later inside a worker.
/// </summary>
internal sealed class StorageMigrationService(StorageDatabase database) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => database.EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
