namespace LiqBot.Exchanges.Bybit;

/// <summary>What a decoded frame was; control-frame fields are only set for control frames.</summary>
internal readonly record struct BybitFrameInfo(BybitFrameKind Kind, bool Success = false, string? RequestId = null, string? Message = null)
{
    public static readonly BybitFrameInfo Data = new(BybitFrameKind.Data);
    public static readonly BybitFrameInfo Unknown = new(BybitFrameKind.Unknown);
    public static readonly BybitFrameInfo Malformed = new(BybitFrameKind.Malformed);
}
