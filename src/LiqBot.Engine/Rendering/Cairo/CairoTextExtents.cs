using System.Runtime.InteropServices;

namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>cairo_text_extents_t: the ink box and advance of a string, in user-space units.</summary>
[StructLayout(LayoutKind.Sequential)]
internal readonly struct CairoTextExtents
{
    public readonly double XBearing;
    public readonly double YBearing;
    public readonly double Width;
    public readonly double Height;
    public readonly double XAdvance;
    public readonly double YAdvance;
}
