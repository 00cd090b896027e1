using System.Runtime.InteropServices;

namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>The slice of the libcairo C API the renderers use. Errors are sticky in Cairo: callers check status.</summary>
internal static unsafe partial class CairoNative
{
    private const string Library = "libcairo.so.2";

    public const int FormatArgb32 = 0;
    public const int FormatRgb24 = 1;
    public const int StatusSuccess = 0;
    public const int FontSlantNormal = 0;
    public const int FontWeightNormal = 0;
    public const int FontWeightBold = 1;
    public const int LineCapButt = 0;
    public const int LineJoinRound = 1;

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_create")]
    public static partial CairoSurfaceHandle ImageSurfaceCreate(int format, int width, int height);

    [LibraryImport(Library, EntryPoint = "cairo_surface_destroy")]
    public static partial void SurfaceDestroy(IntPtr surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_status")]
    public static partial int SurfaceStatus(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_flush")]
    public static partial void SurfaceFlush(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_mark_dirty")]
    public static partial void SurfaceMarkDirty(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_get_data")]
    public static partial byte* ImageSurfaceGetData(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_image_surface_get_stride")]
    public static partial int ImageSurfaceGetStride(CairoSurfaceHandle surface);

    [LibraryImport(Library, EntryPoint = "cairo_surface_write_to_png_stream")]
    public static partial int SurfaceWriteToPngStream(
        CairoSurfaceHandle surface, delegate* unmanaged[Cdecl]<IntPtr, byte*, uint, int> write, IntPtr closure);

    [LibraryImport(Library, EntryPoint = "cairo_create")]
    public static partial CairoContextHandle Create(CairoSurfaceHandle target);

    [LibraryImport(Library, EntryPoint = "cairo_destroy")]
    public static partial void Destroy(IntPtr context);

    [LibraryImport(Library, EntryPoint = "cairo_status")]
    public static partial int Status(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_status_to_string")]
    public static partial IntPtr StatusToString(int status);

    [LibraryImport(Library, EntryPoint = "cairo_save")]
    public static partial void Save(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_restore")]
    public static partial void Restore(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_set_source_rgba")]
    public static partial void SetSourceRgba(CairoContextHandle context, double red, double green, double blue, double alpha);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_width")]
    public static partial void SetLineWidth(CairoContextHandle context, double width);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_cap")]
    public static partial void SetLineCap(CairoContextHandle context, int cap);

    [LibraryImport(Library, EntryPoint = "cairo_set_line_join")]
    public static partial void SetLineJoin(CairoContextHandle context, int join);

    [LibraryImport(Library, EntryPoint = "cairo_set_dash")]
    public static partial void SetDash(CairoContextHandle context, double* dashes, int count, double offset);

    [LibraryImport(Library, EntryPoint = "cairo_new_path")]
    public static partial void NewPath(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_close_path")]
    public static partial void ClosePath(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_move_to")]
    public static partial void MoveTo(CairoContextHandle context, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_line_to")]
    public static partial void LineTo(CairoContextHandle context, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_rectangle")]
    public static partial void Rectangle(CairoContextHandle context, double x, double y, double width, double height);

    [LibraryImport(Library, EntryPoint = "cairo_arc")]
    public static partial void Arc(CairoContextHandle context, double xc, double yc, double radius, double angle1, double angle2);

    [LibraryImport(Library, EntryPoint = "cairo_fill")]
    public static partial void Fill(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_fill_preserve")]
    public static partial void FillPreserve(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_stroke")]
    public static partial void Stroke(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_paint")]
    public static partial void Paint(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_clip")]
    public static partial void Clip(CairoContextHandle context);

    [LibraryImport(Library, EntryPoint = "cairo_translate")]
    public static partial void Translate(CairoContextHandle context, double x, double y);

    [LibraryImport(Library, EntryPoint = "cairo_rotate")]
    public static partial void Rotate(CairoContextHandle context, double radians);

    [LibraryImport(Library, EntryPoint = "cairo_select_font_face", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SelectFontFace(CairoContextHandle context, string family, int slant, int weight);

    [LibraryImport(Library, EntryPoint = "cairo_set_font_size")]
    public static partial void SetFontSize(CairoContextHandle context, double size);

    [LibraryImport(Library, EntryPoint = "cairo_show_text", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void ShowText(CairoContextHandle context, string text);

    [LibraryImport(Library, EntryPoint = "cairo_text_extents", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void TextExtents(CairoContextHandle context, string text, out CairoTextExtents extents);
}
