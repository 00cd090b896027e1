namespace LiqBot.Engine.Rendering;

/// <summary>
/// How a renderer turns its finished image into PNG bytes. Measured at 1280x720 (RenderBenchmarks,
/// shared 2-core machine), Cairo's writer put the map at 47-75 ms and the heatmap at 71-77 ms, over
/// the 40 / 60 ms budgets, almost all of it inside libpng; the fast writer: 11-14 ms and 20-28 ms.
/// </summary>
public enum PngEncoding
{
    /// <summary>Cairo's own writer (cairo_surface_write_to_png_stream: libpng, zlib level 6, adaptive filters). Smallest files.</summary>
    Cairo,

    /// <summary>
    /// The pixel buffer encoded here with .NET's zlib at its fastest level and the "up" filter:
    /// several times faster than libpng on this kind of image, files somewhat larger.
    /// </summary>
    Fast,
}
