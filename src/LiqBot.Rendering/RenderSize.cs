namespace LiqBot.Rendering;

/// <summary>The pixel size of a rendered image: 640x360 up to 2560x1440, 1280x720 by default.</summary>
public readonly record struct RenderSize
{
    public const int MinWidth = 640;
    public const int MaxWidth = 2560;
    public const int MinHeight = 360;
    public const int MaxHeight = 1440;

    public RenderSize(int width, int height)
    {
        Validate(width, height);
        Width = width;
        Height = height;
    }

    public static RenderSize Default { get; } = new(1280, 720);

    public int Width { get; }

    public int Height { get; }

    /// <summary>Throws for sizes outside the supported range (also catches a default-constructed 0x0).</summary>
    public static void Validate(int width, int height)
    {
        if (width is < MinWidth or > MaxWidth)
        {
            throw new ArgumentOutOfRangeException(nameof(width), width, $"Image width must be between {MinWidth} and {MaxWidth} pixels, got {width}.");
        }

        if (height is < MinHeight or > MaxHeight)
        {
            throw new ArgumentOutOfRangeException(nameof(height), height, $"Image height must be between {MinHeight} and {MaxHeight} pixels, got {height}.");
        }
    }

    public override string ToString() => $"{Width}x{Height}";
}
