using LiqBot.Storage;

namespace LiqBot.Tests.Storage;

public abstract partial class StoreContractTests
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 1, 2, 3];

    [Fact]
    public async Task AlertImage_SavedTwiceUnderOneKey_IsStoredOnceAndReadBack()
    {
        var images = new SqlAlertImageStore(OpenDatabase());

        Assert.True(await images.SaveAsync("proximity:BTCUSDT:long:1", Png, None));
        Assert.False(await images.SaveAsync("proximity:BTCUSDT:long:1", [9, 9], None));

        Assert.Equal(Png, await images.GetAsync("proximity:BTCUSDT:long:1", None));
        Assert.Null(await images.GetAsync("proximity:BTCUSDT:long:2", None));
        Assert.Equal((1, (long)Png.Length), await images.MeasureAsync(None));
    }

    [Fact]
    public async Task AlertImage_Purge_DeletesOnlyImagesOlderThanTheAge()
    {
        var images = new SqlAlertImageStore(OpenDatabase());
        await images.SaveAsync("old", Png, None);
        Clock.Advance(TimeSpan.FromDays(8));
        await images.SaveAsync("new", Png, None);

        Assert.Equal(1, await images.PurgeAsync(TimeSpan.FromDays(7), None));

        Assert.Null(await images.GetAsync("old", None));
        Assert.Equal(Png, await images.GetAsync("new", None));
    }
}
