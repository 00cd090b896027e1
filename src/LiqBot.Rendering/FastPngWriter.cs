using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;

namespace LiqBot.Rendering;

/// <summary>
/// Writes an opaque 32-bit image as an 8-bit RGB PNG. Every row uses the "up" filter: chart
/// rows mostly repeat the row above (bars are vertical, heatmap cells are bands), so the filtered
/// data is mostly zeros and zlib's fastest level compresses it well.
/// </summary>
internal static class FastPngWriter
{
    private static ReadOnlySpan<byte> Signature => [137, 80, 78, 71, 13, 10, 26, 10];

    public static byte[] Encode(PixelBuffer pixels)
    {
        using var output = new MemoryStream((pixels.Width * pixels.Height) / 3);
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, pixels.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], pixels.Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WriteChunk(output, "IHDR"u8, header);

        using (var compressed = new MemoryStream())
        {
            WriteImageData(compressed, pixels);
            WriteChunk(output, "IDAT"u8, compressed.GetBuffer().AsSpan(0, (int)compressed.Length));
        }

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteImageData(Stream destination, PixelBuffer pixels)
    {
        var rowBytes = pixels.Width * 3;
        var previous = ArrayPool<byte>.Shared.Rent(rowBytes);
        var current = ArrayPool<byte>.Shared.Rent(rowBytes);
        var filtered = ArrayPool<byte>.Shared.Rent(rowBytes + 1);
        try
        {
            Array.Clear(previous, 0, rowBytes);
            using var zlib = new ZLibStream(destination, CompressionLevel.Fastest, leaveOpen: true);
            filtered[0] = 2; // filter type: up
            for (var y = 0; y < pixels.Height; y++)
            {
                var row = pixels.Row(y);
                for (int x = 0, i = 0; x < row.Length; x++, i += 3)
                {
                    var word = row[x];
                    current[i] = (byte)(word >> 16);
                    current[i + 1] = (byte)(word >> 8);
                    current[i + 2] = (byte)word;
                }

                for (var i = 0; i < rowBytes; i++)
                {
                    filtered[i + 1] = (byte)(current[i] - previous[i]);
                }

                zlib.Write(filtered, 0, rowBytes + 1);
                (previous, current) = (current, previous);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(previous);
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(filtered);
        }
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Update(Crc32.Update(0xFFFFFFFFu, type), data) ^ 0xFFFFFFFFu);
        output.Write(word);
    }
}
