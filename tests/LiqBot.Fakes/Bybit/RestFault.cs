namespace LiqBot.Fakes.Bybit;

/// <summary>A scripted REST failure: a non-zero retCode with HTTP 200, or a bare HTTP status (403 ban, 429).</summary>
public sealed record RestFault(int RetCode, string RetMsg, int HttpStatus)
{
    public static RestFault Code(int retCode, string retMsg = "error") => new(retCode, retMsg, 200);

    public static RestFault Http(int status) => new(0, string.Empty, status);
}
