using System.Buffers.Text;
using System.Text;

namespace LiqBot.Benchmarks.Exchanges;

/// <summary>
/// Frames of one stream whose millisecond timestamps move forward in place by the span they cover before
/// each replay, so a feed processor sees every replay as new live minutes (replaying the same minutes
/// would be skipped as late and measure nothing). Timestamps are found by rendering the frames twice with
/// two 13-digit bases that differ only in the first digit; the bytes that differ are the stamps.
/// </summary>
internal sealed class ShiftingFrames
{
    private const long ProbeA = 1_000_000_000_000;
    private const long ProbeB = 2_000_000_000_000;
    private const int Digits = 13;
    private readonly (byte[] Frame, int Offset, long Delta)[] _stamps;
    private readonly long _spanMs;
    private long _baseMs;

    /// <param name="count">Frames in one replay.</param>
    /// <param name="render">Renders frame i with every timestamp as base + a delta under 10^12 ms.</param>
    /// <param name="spanMs">How far a replay moves the frames: a whole number of minutes covering them.</param>
    /// <param name="startMs">The first replay's base, on a minute boundary.</param>
    public ShiftingFrames(int count, Func<long, int, string> render, long spanMs, long startMs)
    {
        Frames = new byte[count][];
        var stamps = new List<(byte[], int, long)>();
        for (var i = 0; i < count; i++)
        {
            var a = Encoding.UTF8.GetBytes(render(ProbeA, i));
            var b = Encoding.UTF8.GetBytes(render(ProbeB, i));
            if (a.Length != b.Length)
            {
                throw new InvalidOperationException("Frame text must not depend on the base other than in its timestamps.");
            }

            for (var j = 0; j < a.Length; j++)
            {
                if (a[j] != b[j])
                {
                    Utf8Parser.TryParse(a.AsSpan(j, Digits), out long stamp, out _);
                    stamps.Add((a, j, stamp - ProbeA));
                    j += Digits - 1;
                }
            }

            Frames[i] = a;
        }

        _stamps = [.. stamps];
        _spanMs = spanMs;
        _baseMs = startMs - spanMs;
        Advance();
    }

    public byte[][] Frames { get; }

    /// <summary>The records the frames carry, for OperationsPerInvoke.</summary>
    public int Count => Frames.Length;

    /// <summary>The base of the current replay.</summary>
    public long BaseMs => _baseMs;

    /// <summary>Moves every timestamp forward by the span: call before each replay (in [IterationSetup], outside the measurement).</summary>
    public void Advance()
    {
        _baseMs += _spanMs;
        foreach (var (frame, offset, delta) in _stamps)
        {
            Utf8Formatter.TryFormat(_baseMs + delta, frame.AsSpan(offset, Digits), out _);
        }
    }
}
