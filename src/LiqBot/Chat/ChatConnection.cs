namespace LiqBot.Chat;

/// <summary>
/// Whether a chat adapter's inbound link (Discord's gateway session, Telegram's long poll) is up, as
/// its loop last saw it; /healthz reads it.
/// </summary>
internal sealed class ChatConnection(string platform)
{
    private volatile string? _problem = "not connected yet";

    public string Platform => platform;

    /// <summary>Why the link is down; null while it is up.</summary>
    public string? Problem => _problem;

    public void Up() => _problem = null;

    public void Down(string reason) => _problem = reason;
}
