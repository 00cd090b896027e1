using System.Buffers;

namespace LiqBot.Exchanges;

/// <summary>
/// A received frame copied into a buffer rented from the shared pool, so handing frames from socket
/// pumps to the decoding loop allocates nothing; <see cref="Return"/> once decoded (a frame never
/// returned is only garbage, not a leak).
/// </summary>
internal readonly record struct PooledFrame(byte[] Buffer, int Length)
{
    public ReadOnlySpan<byte> Span => Buffer.AsSpan(0, Length);

    public static PooledFrame CopyOf(ReadOnlySpan<byte> frame)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(frame.Length);
        frame.CopyTo(buffer);
        return new PooledFrame(buffer, frame.Length);
    }

    public void Return() => ArrayPool<byte>.Shared.Return(Buffer);
}
