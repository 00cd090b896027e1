namespace LiqBot.Engine.Rendering;

/// <summary>How a renderer turns its finished image into PNG bytes.</summary>
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
