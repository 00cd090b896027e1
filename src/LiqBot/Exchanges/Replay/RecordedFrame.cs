namespace LiqBot.Exchanges.Replay;

/// <summary>One raw WebSocket frame and when it was received (Unix ms).</summary>
public sealed record RecordedFrame(long ReceivedMs, string Frame);
