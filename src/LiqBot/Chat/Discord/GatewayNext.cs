namespace LiqBot.Chat.Discord;

/// <summary>What to do after a gateway connection ended.</summary>
internal enum GatewayNext
{
    Resume,
    Identify,
    Stop,
}
