using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

public sealed class MapOverlayTests
{
    private readonly LiquidationMapRenderer renderer = new();

    [Fact]
    public void Render_HalfSpan_ShowsThatRangeAroundPrice()
    {
        var book = SyntheticBooks.Realistic();

        var plan = MapPlan.Create(book, RenderSize.Default, halfSpanPct: 5);

        Assert.InRange(plan.Geometry.Low, book.Price * 0.95 - (2 * plan.Bars.BarWidth), book.Price * 0.95);
        Assert.InRange(plan.Geometry.High, book.Price * 1.05, book.Price * 1.05 + (2 * plan.Bars.BarWidth));
    }

    [Fact]
    public void Render_Markers_DrawsALineAtEachMarkedPrice()
    {
        var book = SyntheticBooks.Realistic();
        var liquidation = book.Price * 0.97;
        var entry = book.Price * 1.01;
        var overlay = new MapOverlay([new MapMarker(liquidation, "liq. 88,493", Danger: true), new MapMarker(entry, "entry 92,142")], HalfSpanPct: 5);

        var image = PngImage.Decode(renderer.Render(book, SyntheticBooks.Zones(book), RenderSize.Default, overlay));
        var geometry = MapPlan.Create(book, RenderSize.Default, 5).Geometry;

        Assert.True(LitRows(image, geometry, liquidation, PixelColours.IsAmber) > geometry.Plot.Height * 0.6, "no amber liquidation line");
        Assert.True(LitRows(image, geometry, entry, p => PixelColours.Brightness(p) > 0.8) > geometry.Plot.Height * 0.6, "no bright entry line");
        Assert.True(LitRows(image, geometry, book.Price * 0.93, PixelColours.IsAmber) < geometry.Plot.Height * 0.2, "amber where nothing was marked");
    }

    private static int LitRows(PngImage image, MapGeometry geometry, double price, Func<(byte R, byte G, byte B, byte A), bool> lit)
    {
        var x = (int)Math.Round(geometry.X(price));
        return Enumerable.Range((int)geometry.Plot.Top + 1, (int)geometry.Plot.Height - 2)
            .Count(y => Enumerable.Range(x - 1, 3).Any(dx => lit(image.Pixel(dx, y))));
    }
}
