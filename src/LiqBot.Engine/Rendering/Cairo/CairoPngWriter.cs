using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>PNG bytes from a surface through cairo_surface_write_to_png_stream, into memory (no file).</summary>
internal static unsafe class CairoPngWriter
{
    private const int WriteError = 11; // CAIRO_STATUS_WRITE_ERROR

    public static byte[] Encode(CairoSurfaceHandle surface, int capacityHint)
    {
        using var output = new MemoryStream(capacityHint);
        var closure = GCHandle.Alloc(output);
        try
        {
            // A static [UnmanagedCallersOnly] function pointer has no delegate for the GC to collect mid-call.
            var status = CairoNative.SurfaceWriteToPngStream(surface, &WriteChunk, GCHandle.ToIntPtr(closure));
            if (status != CairoNative.StatusSuccess)
            {
                throw CairoException.ForStatus("cairo_surface_write_to_png_stream", status);
            }
        }
        finally
        {
            closure.Free();
        }

        return output.ToArray();
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int WriteChunk(IntPtr closure, byte* data, uint length)
    {
        try
        {
            var output = (MemoryStream)GCHandle.FromIntPtr(closure).Target!;
            output.Write(new ReadOnlySpan<byte>(data, checked((int)length)));
            return CairoNative.StatusSuccess;
        }
        catch (Exception)
        {
            // An exception must not unwind through native frames; Cairo reports the write error instead.
            return WriteError;
        }
    }
}
