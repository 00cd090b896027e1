namespace LiqBot.Tests.Chat.Telegram;

/// <summary>A valid 1x1 PNG, standing in for a rendered chart.</summary>
internal static class TinyPng
{
    public static byte[] Bytes { get; } = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
}
