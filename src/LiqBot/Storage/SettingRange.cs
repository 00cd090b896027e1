namespace LiqBot.Storage;

/// <summary>The allowed values of one numeric or duration setting, and its default.</summary>
internal sealed record SettingRange<T>(T Min, T Max, T Default)
    where T : IComparable<T>
{
    public bool Contains(T value) => value.CompareTo(Min) >= 0 && value.CompareTo(Max) <= 0;
}
