namespace LiqBot.Exchanges;

/// <summary>
/// A failed venue REST call: an error code in the body or an HTTP error status. Transient ones are
/// retried with backoff; a rate-limit answer pauses every request of the venue first.
/// </summary>
internal sealed class VenueRestException(string message, string? code, int httpStatus, bool transient) : Exception(message)
{
    public string? Code { get; } = code;

    public int HttpStatus { get; } = httpStatus;

    public bool IsTransient { get; } = transient;
}
