using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class SkiaCanvasTests
{
    [Fact]
    public void EncodePng_DirectPixelWrites_ReadBackExactly()
    {
        using var canvas = new SkiaCanvas(64, 32);
        canvas.Paint(Rgba.FromHex(0x102030));
        var pixels = canvas.BeginPixelWrite();
        pixels.FillRect(10, 5, 4, 3, Rgba.FromHex(0xFDE725).ToPremultipliedArgb());
        canvas.EndPixelWrite();

        var image = PngImage.Decode(canvas.EncodePng());

        Assert.Equal((64, 32), (image.Width, image.Height));
        Assert.Equal(((byte)0x10, (byte)0x20, (byte)0x30, (byte)255), image.Pixel(0, 0));
        Assert.Equal(((byte)0xFD, (byte)0xE7, (byte)0x25, (byte)255), image.Pixel(11, 6));
    }

    [Fact]
    public void EncodePng_AntiAliasedDrawing_DecodesToTheCanvasPixels()
    {
        using var canvas = new SkiaCanvas(203, 120);
        canvas.Paint(Theme.Background);
        canvas.Polyline([5, 60, 120, 190], [110, 20, 90, 10], Theme.LongCurve, 2.5);
        canvas.Circles([100], [60], [17.5], Theme.ShortDot.WithAlpha(0.8), Theme.DotOutline, 1);
        canvas.SetFont(14);
        canvas.Text("63,332", 20, 40, Theme.Text);

        var image = PngImage.Decode(canvas.EncodePng());

        var pixels = canvas.BeginPixelWrite();
        for (var y = 0; y < pixels.Height; y++)
        {
            var row = pixels.Row(y);
            for (var x = 0; x < pixels.Width; x++)
            {
                var word = row[x];
                Assert.Equal(((byte)(word >> 16), (byte)(word >> 8), (byte)word, (byte)255), image.Pixel(x, y));
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Text_WithTheBundledFont_PaintsGlyphs(bool bold)
    {
        using var canvas = new SkiaCanvas(240, 60);
        canvas.Paint(Theme.Background);
        canvas.SetFont(20, bold);

        var advance = canvas.Text("liquidations $412M", 10, 40, Theme.Title);
        var image = PngImage.Decode(canvas.EncodePng());

        Assert.InRange(advance, 120, 230);
        Assert.True(TextPixels.Count(image, 0, 0, 240, 60) > 250, "the text left no pixels: no glyphs in the typeface");
    }

    [Fact]
    public void ChartFonts_LoadDejaVuSansFromTheOutputFolder()
    {
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, ChartFonts.Folder, "DejaVuSans.ttf")));
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, ChartFonts.Folder, "LICENSE")));
        Assert.Equal("DejaVu Sans", ChartFonts.Regular.FamilyName);
        Assert.Equal("DejaVu Sans", ChartFonts.Bold.FamilyName);
        Assert.True(ChartFonts.Bold.FontWeight > ChartFonts.Regular.FontWeight);
    }
}
