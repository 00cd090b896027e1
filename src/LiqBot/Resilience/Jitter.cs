namespace LiqBot.Resilience;

/// <summary>
/// The randomness behind every backoff's jitter, registered once in DI: a <see cref="Random"/> that
/// threads may share (a plain one may not), over an inner one a test can seed.
/// </summary>
internal sealed class Jitter(Random inner) : Random
{
    private readonly Lock _gate = new();

    public Jitter()
        : this(new Random())
    {
    }

    public override int Next() => Locked(r => r.Next());

    public override int Next(int maxValue) => Locked(r => r.Next(maxValue));

    public override int Next(int minValue, int maxValue) => Locked(r => r.Next(minValue, maxValue));

    public override long NextInt64() => Locked(r => r.NextInt64());

    public override long NextInt64(long maxValue) => Locked(r => r.NextInt64(maxValue));

    public override long NextInt64(long minValue, long maxValue) => Locked(r => r.NextInt64(minValue, maxValue));

    public override double NextDouble() => Locked(r => r.NextDouble());

    public override float NextSingle() => Locked(r => r.NextSingle());

    public override void NextBytes(byte[] buffer) => Locked(r =>
    {
        r.NextBytes(buffer);
        return 0;
    });

    public override void NextBytes(Span<byte> buffer)
    {
        lock (_gate)
        {
            inner.NextBytes(buffer);
        }
    }

    protected override double Sample() => NextDouble();

    private T Locked<T>(Func<Random, T> draw)
    {
        lock (_gate)
        {
            return draw(inner);
        }
    }
}
