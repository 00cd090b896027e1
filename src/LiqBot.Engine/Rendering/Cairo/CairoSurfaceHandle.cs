using System.Runtime.InteropServices;

namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>Owns one cairo_surface_t reference; released with cairo_surface_destroy.</summary>
internal sealed class CairoSurfaceHandle : SafeHandle
{
    public CairoSurfaceHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        CairoNative.SurfaceDestroy(handle);
        return true;
    }
}
