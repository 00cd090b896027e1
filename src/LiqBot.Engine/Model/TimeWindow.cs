namespace LiqBot.Engine.Model;

/// <summary>A look-back window of the map: only cohorts opened within it are shown.</summary>
public readonly record struct TimeWindow(string Name, TimeSpan Span)
{
    public static readonly TimeWindow H12 = new("12h", TimeSpan.FromHours(12));
    public static readonly TimeWindow H24 = new("24h", TimeSpan.FromHours(24));
    public static readonly TimeWindow D3 = new("3d", TimeSpan.FromDays(3));
    public static readonly TimeWindow D7 = new("7d", TimeSpan.FromDays(7));
    public static readonly TimeWindow D30 = new("30d", TimeSpan.FromDays(30));

    /// <summary>All windows, shortest first; the last is the longest the book keeps.</summary>
    public static IReadOnlyList<TimeWindow> All { get; } = [H12, H24, D3, D7, D30];

    public static TimeWindow Longest => D30;

    public static bool TryParse(string? text, out TimeWindow window)
    {
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                window = candidate;
                return true;
            }
        }

        window = default;
        return false;
    }

    public static string Names => string.Join(", ", All.Select(w => w.Name));

    public override string ToString() => Name;
}
