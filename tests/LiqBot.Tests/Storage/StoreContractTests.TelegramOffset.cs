using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    [Fact]
    public async Task TelegramOffset_IsKeptAcrossARestart_AndNeverGoesBack()
    {
        var first = new SqlTelegramOffsetStore(OpenDatabase());
        Assert.Null(await first.GetAsync(None));

        await first.SaveAsync(1001, None);
        await first.SaveAsync(1002, None);
        var restarted = new SqlTelegramOffsetStore(OpenDatabase());
        // A poller that lost the lease mid-batch saves an older offset: its successor's progress stays.
        await restarted.SaveAsync(1000, None);

        Assert.Equal(1002, await restarted.GetAsync(None));
    }
}
