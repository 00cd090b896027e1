namespace LiqBot.Fakes.Faults;

/// <summary>
/// A seeded plan of send faults for the fake chat APIs: each send draws the next fault from one
/// random sequence, so a seed fixes the mix (which send gets which fault still depends on arrival order).
/// </summary>
public sealed class FakeFaultPlan(int seed, double tooManyRequests = 0.04, double serverErrors = 0.04, double cutAfterAccept = 0.03, double slowAnswers = 0.05)
{
    private readonly Random _random = new(seed);
    private readonly Lock _gate = new();
    private readonly Dictionary<FakeSendFault, int> _drawn = [];

    public static TimeSpan SlowAnswer { get; } = TimeSpan.FromMilliseconds(700);

    public FakeSendFault Next()
    {
        lock (_gate)
        {
            var draw = _random.NextDouble();
            var fault = draw < tooManyRequests ? FakeSendFault.TooManyRequests
                : (draw -= tooManyRequests) < serverErrors ? FakeSendFault.ServerError
                : (draw -= serverErrors) < cutAfterAccept ? FakeSendFault.CutAfterAccept
                : draw - cutAfterAccept < slowAnswers ? FakeSendFault.SlowAnswer
                : FakeSendFault.None;
            _drawn[fault] = _drawn.GetValueOrDefault(fault) + 1;
            return fault;
        }
    }

    /// <summary>How many of each fault were drawn so far.</summary>
    public IReadOnlyDictionary<FakeSendFault, int> Drawn
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<FakeSendFault, int>(_drawn);
            }
        }
    }
}
