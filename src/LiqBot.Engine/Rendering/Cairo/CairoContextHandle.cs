using System.Runtime.InteropServices;

namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>Owns one cairo_t reference; released with cairo_destroy.</summary>
internal sealed class CairoContextHandle : SafeHandle
{
    public CairoContextHandle()
        : base(IntPtr.Zero, ownsHandle: true)
    {
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    protected override bool ReleaseHandle()
    {
        CairoNative.Destroy(handle);
        return true;
    }
}
