using System.Collections.Concurrent;
using LiqBot.Chat;

namespace LiqBot.Tests.Chat.Discord;

/// <summary>
/// A stand-in for the real router: /liqmap answers a small real PNG and a brief after
/// <see cref="RenderDelay"/> (to prove the deferral), /config is admin-only and asks the adapter.
/// </summary>
internal sealed class TestCommandRouter : ICommandRouter
{
    public const string Brief = "Longs: densest 88.0k-89.0k ($412M est., -2.4 %). Shorts: 94.0k-96.0k ($380M, +3.1 %).";
    public const string ImageName = "liqmap-BTCUSDT-24h.png";

    /// <summary>A 2x2 RGB PNG, valid down to its CRCs.</summary>
    public static readonly byte[] Png =
    [
        0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x00, 0x02,
        0x00, 0x00, 0x00, 0x02, 0x08, 0x02, 0x00, 0x00, 0x00, 0xFD, 0xD4, 0x9A, 0x73, 0x00, 0x00, 0x00, 0x11, 0x49, 0x44, 0x41,
        0x54, 0x78, 0x9C, 0x63, 0xF8, 0xCF, 0xC0, 0x00, 0x44, 0x0C, 0x60, 0xF2, 0x3F, 0x00, 0x1B, 0xF2, 0x03, 0xFD, 0xF3, 0xE7,
        0x4B, 0xB1, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82,
    ];

    private readonly ConcurrentQueue<ChatRequest> _requests = new();

    public TimeSpan RenderDelay { get; set; }

    /// <summary>CPU time each render burns on the calling thread, as a real chart render would.</summary>
    public TimeSpan RenderCpu { get; set; }

    /// <summary>Renders finish only once this completes: a render that takes as long as the test wants, on any machine.</summary>
    public Task RenderGate { get; set; } = Task.CompletedTask;

    public bool Throw { get; set; }

    public IReadOnlyList<ChatRequest> Requests => [.. _requests];

    public IReadOnlyList<CommandDescriptor> Commands { get; } =
    [
        new("liqmap", "Liquidation map for a symbol",
        [
            new("symbol", "Coin, e.g. btc", Required: true, Choices: []),
            new("window", "Time window", Required: false, Choices: ["12h", "24h", "3d", "7d", "30d"]),
        ]),
        new("config", "Change this chat's alert settings",
        [
            new("key", "Setting", Required: false, Choices: ["proximity_pct", "cooldown"]),
            new("value", "New value", Required: false, Choices: []),
        ],
        AdminOnly: true),
    ];

    public async Task<ChatReply> HandleAsync(ChatRequest request, CancellationToken cancellationToken)
    {
        _requests.Enqueue(request);
        if (Throw)
        {
            throw new InvalidOperationException("renderer crashed");
        }

        if (request.Command == "config")
        {
            return await request.IsAdminAsync(cancellationToken)
                ? new ChatReply("Saved.")
                : ChatReply.Error("Only chat admins may change settings.");
        }

        var busyUntil = System.Diagnostics.Stopwatch.GetTimestamp() + (long)(RenderCpu.TotalSeconds * System.Diagnostics.Stopwatch.Frequency);
        while (System.Diagnostics.Stopwatch.GetTimestamp() < busyUntil)
        {
            Thread.SpinWait(1000);
        }

        await Task.Delay(RenderDelay, cancellationToken);
        await RenderGate.WaitAsync(cancellationToken);
        return new ChatReply(Brief, new ChatImage(ImageName, Png));
    }
}
