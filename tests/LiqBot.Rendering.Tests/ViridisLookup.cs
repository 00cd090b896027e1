using LiqBot.Rendering;

namespace LiqBot.Rendering.Tests;

/// <summary>Finds which entry of the viridis table a decoded pixel is, if any.</summary>
internal static class ViridisLookup
{
    private static readonly (int R, int G, int B)[] Entries = Enumerable.Range(0, ViridisScale.Size)
        .Select(i => ViridisScale.Colour(i))
        .Select(c => ((int)Math.Round(c.R * 255), (int)Math.Round(c.G * 255), (int)Math.Round(c.B * 255)))
        .ToArray();

    /// <summary>The index of the table entry within <paramref name="tolerance"/> of the pixel, or -1.</summary>
    public static int IndexOf((byte R, byte G, byte B, byte A) pixel, int tolerance = 2)
    {
        var best = -1;
        var bestDistance = int.MaxValue;
        for (var i = 0; i < Entries.Length; i++)
        {
            var distance = Math.Max(Math.Abs(Entries[i].R - pixel.R), Math.Max(Math.Abs(Entries[i].G - pixel.G), Math.Abs(Entries[i].B - pixel.B)));
            if (distance < bestDistance)
            {
                (best, bestDistance) = (i, distance);
            }
        }

        return bestDistance <= tolerance ? best : -1;
    }
}
