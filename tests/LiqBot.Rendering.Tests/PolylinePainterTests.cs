using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class PolylinePainterTests
{
    [Fact]
    public void Stroke_TranslucentPathDoublingBack_BlendsEachPixelOnce()
    {
        using var canvas = new SkiaCanvas(100, 60);
        canvas.Paint(Rgba.FromHex(0x000000));

        canvas.Polyline([10, 90, 10], [30, 30.2, 30.4], Rgba.FromHex(0xFFFFFF, 0.5), 4);
        var image = PngImage.Decode(canvas.EncodePng());

        Assert.Equal(((byte)128, (byte)128, (byte)128, (byte)255), image.Pixel(50, 30));
        Assert.Equal(((byte)0, (byte)0, (byte)0, (byte)255), image.Pixel(50, 10));
    }

    [Fact]
    public void Stroke_NaNPoint_BreaksTheLine()
    {
        using var canvas = new SkiaCanvas(100, 60);
        canvas.Paint(Rgba.FromHex(0x000000));

        canvas.Polyline([10, 40, double.NaN, 60, 90], [30, 30, 30, 30, 30], Rgba.FromHex(0xFFFFFF), 3);
        var image = PngImage.Decode(canvas.EncodePng());

        Assert.Equal((byte)255, image.Pixel(25, 30).R);
        Assert.Equal((byte)0, image.Pixel(50, 30).R);
        Assert.Equal((byte)255, image.Pixel(75, 30).R);
    }

    [Fact]
    public void Stroke_WithinAClip_LeavesOutsidePixelsAlone()
    {
        using var canvas = new SkiaCanvas(100, 60);
        canvas.Paint(Rgba.FromHex(0x000000));

        canvas.ClipTo(20, 0, 60, 60);
        canvas.Polyline([0, 100], [30, 30], Rgba.FromHex(0xFFFFFF), 3);
        canvas.ResetClip();
        var image = PngImage.Decode(canvas.EncodePng());

        Assert.Equal((byte)0, image.Pixel(10, 30).R);
        Assert.Equal((byte)255, image.Pixel(50, 30).R);
        Assert.Equal((byte)0, image.Pixel(90, 30).R);
    }
}
