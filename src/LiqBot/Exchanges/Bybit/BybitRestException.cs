namespace LiqBot.Exchanges.Bybit;

/// <summary>
/// A failed Bybit REST call: a non-zero retCode (HTTP 200) or an HTTP error status. Transient ones are
/// retried with backoff; 403 is an IP ban that pauses every request.
/// </summary>
internal sealed class BybitRestException(string message, int retCode, int httpStatus, bool transient) : Exception(message)
{
    public int RetCode { get; } = retCode;

    public int HttpStatus { get; } = httpStatus;

    public bool IsTransient { get; } = transient;

    public bool IsBan => HttpStatus == 403;
}
