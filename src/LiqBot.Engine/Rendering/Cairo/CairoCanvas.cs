namespace LiqBot.Engine.Rendering.Cairo;

/// <summary>
/// An opaque image surface (RGB24: 32-bit words, top byte unused) and its drawing context. Charts
/// paint their background first, so no alpha channel is needed, and the PNG is smaller and faster to write. Every call is followed by a status check, so a
/// failure throws a <see cref="CairoException"/> naming the call instead of silently drawing nothing.
/// </summary>
internal sealed unsafe class CairoCanvas : IDisposable
{
    private readonly CairoSurfaceHandle surface;
    private readonly CairoContextHandle context;

    public CairoCanvas(int width, int height)
    {
        surface = CairoNative.ImageSurfaceCreate(CairoNative.FormatRgb24, width, height);
        try
        {
            CheckSurface("cairo_image_surface_create");
            context = CairoNative.Create(surface);
            Check("cairo_create");
        }
        catch
        {
            context?.Dispose();
            surface.Dispose();
            throw;
        }

        Width = width;
        Height = height;
    }

    public int Width { get; }

    public int Height { get; }

    public PixelBuffer BeginPixelWrite()
    {
        CairoNative.SurfaceFlush(surface);
        CheckSurface("cairo_surface_flush");
        var data = CairoNative.ImageSurfaceGetData(surface);
        if (data == null)
        {
            throw new CairoException("cairo_image_surface_get_data returned no pixel memory.");
        }

        return new PixelBuffer(data, CairoNative.ImageSurfaceGetStride(surface), Width, Height);
    }

    public void EndPixelWrite()
    {
        CairoNative.SurfaceMarkDirty(surface);
        CheckSurface("cairo_surface_mark_dirty");
    }

    public void Paint(Rgba colour)
    {
        SetColour(colour);
        CairoNative.Paint(context);
        Check("cairo_paint");
    }

    public void FillRect(double x, double y, double width, double height, Rgba colour)
    {
        SetColour(colour);
        CairoNative.Rectangle(context, x, y, width, height);
        CairoNative.Fill(context);
        Check("cairo_fill (rectangle)");
    }

    /// <summary>Fills many rectangles (x, y, width, height quadruples) as one path: one rasterisation instead of one per bar.</summary>
    public void FillRects(ReadOnlySpan<double> quads, Rgba colour)
    {
        CairoNative.NewPath(context);
        for (var i = 0; i + 3 < quads.Length; i += 4)
        {
            CairoNative.Rectangle(context, quads[i], quads[i + 1], quads[i + 2], quads[i + 3]);
        }

        SetColour(colour);
        CairoNative.Fill(context);
        Check("cairo_fill (rectangles)");
    }

    public void StrokeRect(double x, double y, double width, double height, Rgba colour, double lineWidth)
    {
        SetStroke(colour, lineWidth);
        CairoNative.Rectangle(context, x, y, width, height);
        CairoNative.Stroke(context);
        Check("cairo_stroke (rectangle)");
    }

    public void Line(double x0, double y0, double x1, double y1, Rgba colour, double lineWidth, double dash = 0)
    {
        SetStroke(colour, lineWidth);
        if (dash > 0)
        {
            var pattern = stackalloc double[] { dash, dash * 0.75 };
            CairoNative.SetDash(context, pattern, 2, 0);
        }

        CairoNative.MoveTo(context, x0, y0);
        CairoNative.LineTo(context, x1, y1);
        CairoNative.Stroke(context);
        CairoNative.SetDash(context, null, 0, 0);
        Check("cairo_stroke (line)");
    }

    /// <summary>Strokes a polyline through the points; NaN coordinates break the line.</summary>
    public void Polyline(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Rgba colour, double lineWidth)
    {
        SetStroke(colour, lineWidth);
        CairoNative.SetLineJoin(context, CairoNative.LineJoinRound);
        var penDown = false;
        for (var i = 0; i < xs.Length; i++)
        {
            if (double.IsNaN(xs[i]) || double.IsNaN(ys[i]))
            {
                penDown = false;
                continue;
            }

            if (penDown)
            {
                CairoNative.LineTo(context, xs[i], ys[i]);
            }
            else
            {
                CairoNative.MoveTo(context, xs[i], ys[i]);
                penDown = true;
            }
        }

        CairoNative.Stroke(context);
        Check("cairo_stroke (polyline)");
    }

    /// <summary>Fills all circles as one path (one rasterisation), then outlines them.</summary>
    public void Circles(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<double> radii, Rgba fill, Rgba outline, double outlineWidth)
    {
        CairoNative.NewPath(context);
        for (var i = 0; i < xs.Length; i++)
        {
            CairoNative.MoveTo(context, xs[i] + radii[i], ys[i]);
            CairoNative.Arc(context, xs[i], ys[i], radii[i], 0, 2 * Math.PI);
            CairoNative.ClosePath(context);
        }

        SetColour(fill);
        CairoNative.FillPreserve(context);
        SetStroke(outline, outlineWidth);
        CairoNative.Stroke(context);
        Check("cairo_fill/stroke (circles)");
    }

    public void FillPolygon(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Rgba colour)
    {
        CairoNative.NewPath(context);
        for (var i = 0; i < xs.Length; i++)
        {
            CairoNative.LineTo(context, xs[i], ys[i]);
        }

        CairoNative.ClosePath(context);
        SetColour(colour);
        CairoNative.Fill(context);
        Check("cairo_fill (polygon)");
    }

    public void ClipTo(double x, double y, double width, double height)
    {
        CairoNative.Save(context);
        CairoNative.Rectangle(context, x, y, width, height);
        CairoNative.Clip(context);
        Check("cairo_clip");
    }

    public void ResetClip()
    {
        CairoNative.Restore(context);
        Check("cairo_restore");
    }

    public void SetFont(double size, bool bold = false)
    {
        CairoNative.SelectFontFace(context, "DejaVu Sans", CairoNative.FontSlantNormal, bold ? CairoNative.FontWeightBold : CairoNative.FontWeightNormal);
        CairoNative.SetFontSize(context, size);
        Check("cairo_select_font_face");
    }

    public double MeasureText(string text)
    {
        CairoNative.TextExtents(context, text, out var extents);
        Check("cairo_text_extents");
        return extents.XAdvance;
    }

    /// <summary>Draws text with its baseline at <paramref name="y"/>; returns its advance width.</summary>
    public double Text(string text, double x, double y, Rgba colour, TextAlign align = TextAlign.Left)
    {
        var width = MeasureText(text);
        var left = align switch
        {
            TextAlign.Center => x - (width / 2),
            TextAlign.Right => x - width,
            _ => x,
        };
        SetColour(colour);
        CairoNative.MoveTo(context, left, y);
        CairoNative.ShowText(context, text);
        Check("cairo_show_text");
        return width;
    }

    /// <summary>Draws text turned a quarter anticlockwise, centred on (x, y), for vertical axis titles.</summary>
    public void VerticalText(string text, double x, double y, Rgba colour)
    {
        CairoNative.Save(context);
        CairoNative.Translate(context, x, y);
        CairoNative.Rotate(context, -Math.PI / 2);
        Text(text, 0, 0, colour, TextAlign.Center);
        CairoNative.Restore(context);
        Check("cairo_restore (vertical text)");
    }

    public byte[] EncodePng(PngEncoding encoding = PngEncoding.Cairo)
    {
        if (encoding == PngEncoding.Fast)
        {
            var pixels = BeginPixelWrite();
            return FastPngWriter.Encode(pixels);
        }

        CairoNative.SurfaceFlush(surface);
        CheckSurface("cairo_surface_flush");
        return CairoPngWriter.Encode(surface, Width * Height / 4);
    }

    public void Dispose()
    {
        context.Dispose();
        surface.Dispose();
    }

    private void SetColour(Rgba colour) => CairoNative.SetSourceRgba(context, colour.R, colour.G, colour.B, colour.A);

    private void SetStroke(Rgba colour, double lineWidth)
    {
        SetColour(colour);
        CairoNative.SetLineWidth(context, lineWidth);
        CairoNative.SetLineCap(context, CairoNative.LineCapButt);
    }

    private void Check(string call)
    {
        var status = CairoNative.Status(context);
        if (status != CairoNative.StatusSuccess)
        {
            throw CairoException.ForStatus(call, status);
        }
    }

    private void CheckSurface(string call)
    {
        var status = CairoNative.SurfaceStatus(surface);
        if (status != CairoNative.StatusSuccess)
        {
            throw CairoException.ForStatus(call, status);
        }
    }
}
