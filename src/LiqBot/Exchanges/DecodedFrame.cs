namespace LiqBot.Exchanges;

/// <summary>The kind of a decoded frame and, for control frames, the venue's message.</summary>
internal readonly record struct DecodedFrame(FrameKind Kind, string? Message = null)
{
    public static readonly DecodedFrame Data = new(FrameKind.Data);
    public static readonly DecodedFrame Unknown = new(FrameKind.Unknown);
    public static readonly DecodedFrame Malformed = new(FrameKind.Malformed);
}
