using System.Collections.Concurrent;
using LiqBot.Chat;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>
/// Stands in for the real router: /liqmap answers a PNG with a brief full of characters HTML
/// must escape, /config needs an admin, /echo repeats its arguments, /long answers a caption
/// too long for one photo, /warm sends a progress line before its answer.
/// </summary>
internal sealed class TestCommandRouter : ICommandRouter
{
    public const string Brief = "BTCUSDT <24h> longs & shorts: 88.0k-89.0k ($412M) > 5 %";

    public ConcurrentQueue<ChatRequest> Handled { get; } = new();

    public IReadOnlyList<CommandDescriptor> Commands { get; } =
    [
        new("liqmap", "Liquidation map, e.g. /liqmap btc", [new("symbol", "Symbol", false, [])]),
        new("config", "Configure alerts (admins)", [], AdminOnly: true),
        new("echo", "Repeats its arguments", []),
        new("Bad-Name", "Not a name Telegram accepts", []),
    ];

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        Handled.Enqueue(request);
        return request.Command switch
        {
            "liqmap" => new ChatReply(Brief, new ChatImage("liqmap-BTCUSDT-24h.png", TinyPng.Bytes)),
            "config" => await request.IsAdminAsync(cancellationToken)
                ? new ChatReply("Settings saved.")
                : ChatReply.Error("Only chat admins can change settings."),
            "echo" => new ChatReply("args: " + string.Join("|", request.Arguments)),
            "warm" => await ProgressThenAnswerAsync(request, cancellationToken),
            "long" => new ChatReply(string.Join("\n", Enumerable.Range(1, 60).Select(i => $"line {i:00}: zone 88.0k-89.0k & more"))
                , new ChatImage("long.png", TinyPng.Bytes)),
            _ => ChatReply.Error("Unknown command."),
        };
    }

    private static async Task<ChatReply> ProgressThenAnswerAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        await request.Progress!("Warming up SOLUSDT, about 5 s; the reply follows when ready.", cancellationToken);
        return new ChatReply("SOLUSDT ready");
    }
}
