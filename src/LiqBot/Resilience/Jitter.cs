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

    public override int Next()
    {
        lock (_gate)
        {
            return inner.Next();
        }
    }

    public override int Next(int maxValue)
    {
        lock (_gate)
        {
            return inner.Next(maxValue);
        }
    }

    public override int Next(int minValue, int maxValue)
    {
        lock (_gate)
        {
            return inner.Next(minValue, maxValue);
        }
    }

    public override long NextInt64()
    {
        lock (_gate)
        {
            return inner.NextInt64();
        }
    }

    public override long NextInt64(long maxValue)
    {
        lock (_gate)
        {
            return inner.NextInt64(maxValue);
        }
    }

    public override long NextInt64(long minValue, long maxValue)
    {
        lock (_gate)
        {
            return inner.NextInt64(minValue, maxValue);
        }
    }

    public override double NextDouble()
    {
        lock (_gate)
        {
            return inner.NextDouble();
        }
    }

    public override float NextSingle()
    {
        lock (_gate)
        {
            return inner.NextSingle();
        }
    }

    public override void NextBytes(byte[] buffer)
    {
        lock (_gate)
        {
            inner.NextBytes(buffer);
        }
    }

    public override void NextBytes(Span<byte> buffer)
    {
        lock (_gate)
        {
            inner.NextBytes(buffer);
        }
    }

    protected override double Sample() => NextDouble();
}
