namespace LiqBot.Exchanges;

/// <summary>One open-interest reading from a venue's history, one side, in the unit its <see cref="IVenueHistory"/> says.</summary>
internal readonly record struct OpenInterestPoint(DateTimeOffset Time, double OpenInterest);
