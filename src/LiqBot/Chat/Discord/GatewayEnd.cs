namespace LiqBot.Chat.Discord;

/// <summary>How one gateway connection ended: what comes next, the close code, and whether a session was up on it.</summary>
internal sealed record GatewayEnd(GatewayNext Next, int? CloseCode, bool SessionWasUp);
