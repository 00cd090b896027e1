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
        // Half a byte a pixel holds a chart's PNG in one buffer: a growing stream would copy it on the large object heap.
        using var output = new MemoryStream(Math.Max(4096, pixels.Width * pixels.Height / 2));
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, pixels.Width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], pixels.Height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        WriteChunk(output, "IHDR"u8, header);

        // The image data is compressed straight into its chunk; the length is filled in afterwards.
        var chunkStart = (int)output.Position;
        output.Write([0, 0, 0, 0]);
        output.Write("IDAT"u8);
        WriteImageData(output, pixels);
        var dataLength = (int)output.Position - chunkStart - 8;
        var written = output.GetBuffer();
        BinaryPrimitives.WriteInt32BigEndian(written.AsSpan(chunkStart), dataLength);
        WriteCrc(output, written.AsSpan(chunkStart + 4, 4 + dataLength));

        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteImageData(Stream destination, PixelBuffer pixels)
    {
        var rowBytes = pixels.Width * 3;
        var filtered = ArrayPool<byte>.Shared.Rent(1 + UpFilter.BufferLength(pixels.Width));
        try
        {
            using var zlib = new ZLibStream(destination, CompressionLevel.Fastest, leaveOpen: true);
            filtered[0] = 2; // filter type: up
            for (var y = 0; y < pixels.Height; y++)
            {
                UpFilter.Write(pixels.Row(y), y > 0 ? pixels.Row(y - 1) : [], filtered.AsSpan(1));
                zlib.Write(filtered, 0, rowBytes + 1);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(filtered);
        }
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        output.Write(length);
        output.Write(type);
        output.Write(data);
        WriteCrc(output, type, data);
    }

    /// <summary>The CRC that closes a chunk, over its type and data (given as one span or two).</summary>
    private static void WriteCrc(Stream output, ReadOnlySpan<byte> typeAndData, ReadOnlySpan<byte> more = default)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Update(Crc32.Update(0xFFFFFFFFu, typeAndData), more) ^ 0xFFFFFFFFu);
        output.Write(word);
    }
}
