namespace LiqBot.Fakes.Venues;

/// <summary>A scripted REST answer instead of the real one: an HTTP status, a body, and Retry-After seconds when set.</summary>
public sealed record FakeHttpFault(int Status, string Body, int? RetryAfterSeconds = null);
