using System.Runtime.Intrinsics;

namespace LiqBot.Rendering;

/// <summary>
/// One PNG row under the "up" filter: each RGB byte minus the byte above it. The subtraction is
/// per byte, so it runs on the 0xAARRGGBB words as they lie in memory (B, G, R, A) and the
/// difference is then reordered to R, G, B, four pixels to a vector.
/// </summary>
internal static class UpFilter
{
    private const int PixelsPerVector = 4;

    /// <summary>Bytes <paramref name="rgb"/> must hold for a row of <paramref name="width"/>: vector stores run 4 bytes past the last pixel.</summary>
    public static int BufferLength(int width) => (width * 3) + 4;

    /// <summary>Writes width x 3 filtered bytes; <paramref name="above"/> is empty for the first row.</summary>
    public static void Write(ReadOnlySpan<uint> row, ReadOnlySpan<uint> above, Span<byte> rgb)
    {
        var bgra = System.Runtime.InteropServices.MemoryMarshal.AsBytes(row);
        var aboveBgra = System.Runtime.InteropServices.MemoryMarshal.AsBytes(above);
        var x = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            for (; x + PixelsPerVector <= row.Length; x += PixelsPerVector)
            {
                var pixels = Vector128.Create(bgra.Slice(x * 4, 16));
                var difference = above.IsEmpty ? pixels : pixels - Vector128.Create(aboveBgra.Slice(x * 4, 16));
                var reordered = Vector128.Shuffle(difference, Vector128.Create((byte)2, 1, 0, 6, 5, 4, 10, 9, 8, 14, 13, 12, 255, 255, 255, 255));
                reordered.CopyTo(rgb[(x * 3)..]);
            }
        }

        for (; x < row.Length; x++)
        {
            var word = row[x];
            var up = above.IsEmpty ? 0u : above[x];
            rgb[x * 3] = (byte)((word >> 16) - (up >> 16));
            rgb[(x * 3) + 1] = (byte)((word >> 8) - (up >> 8));
            rgb[(x * 3) + 2] = (byte)(word - up);
        }
    }
}
