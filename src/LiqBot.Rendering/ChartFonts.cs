using SkiaSharp;

namespace LiqBot.Rendering;

/// <summary>
/// DejaVu Sans, read from the Fonts folder beside the assembly. Skia's default typeface on a machine
/// without fontconfig has no glyphs and draws text as nothing, so a missing file fails loudly instead.
/// </summary>
internal static class ChartFonts
{
    public const string Folder = "Fonts";

    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;

    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, Folder, file);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Chart font {path} is missing: it ships with LiqBot.Rendering and must sit in the output folder.", path);
        }

        return SKTypeface.FromFile(path) ?? throw new InvalidDataException($"Chart font {path} could not be read as a font.");
    }
}
