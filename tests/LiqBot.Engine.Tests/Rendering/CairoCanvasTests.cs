using LiqBot.Engine.Rendering;
using LiqBot.Engine.Rendering.Cairo;

namespace LiqBot.Engine.Tests.Rendering;

public sealed class CairoCanvasTests
{
    [Fact]
    public void Create_SizeCairoRejects_ThrowsNamingTheCall()
    {
        var error = Assert.Throws<CairoException>(() => new CairoCanvas(-5, 10));

        Assert.Contains("cairo_image_surface_create", error.Message, StringComparison.Ordinal);
        Assert.Contains("invalid", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(PngEncoding.Cairo)]
    [InlineData(PngEncoding.Fast)]
    public void EncodePng_DirectPixelWrites_ReadBackExactly(PngEncoding encoding)
    {
        using var canvas = new CairoCanvas(64, 32);
        canvas.Paint(Rgba.FromHex(0x102030));
        var pixels = canvas.BeginPixelWrite();
        pixels.FillRect(10, 5, 4, 3, Rgba.FromHex(0xFDE725).ToPremultipliedArgb());
        canvas.EndPixelWrite();

        var image = PngImage.Decode(canvas.EncodePng(encoding));

        Assert.Equal((64, 32), (image.Width, image.Height));
        Assert.Equal(((byte)0x10, (byte)0x20, (byte)0x30, (byte)255), image.Pixel(0, 0));
        Assert.Equal(((byte)0xFD, (byte)0xE7, (byte)0x25, (byte)255), image.Pixel(11, 6));
    }
}
