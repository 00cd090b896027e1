namespace LiqBot.Rendering;

/// <summary>The data rectangle of a chart, in pixels.</summary>
internal readonly record struct PlotArea(double Left, double Top, double Right, double Bottom)
{
    public double Width => Right - Left;

    public double Height => Bottom - Top;

    public bool ContainsX(double x) => x >= Left && x <= Right;
}
