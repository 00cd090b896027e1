using LiqBot.Market;

namespace LiqBot.Chat.Console;

/// <summary>
/// The console chat: one command a line on the input, the reply on the output, images saved with
/// their path printed. End of input stops the host (after a replay has been ingested, if asked).
/// </summary>
internal sealed class ConsoleChatWorker(ConsoleChatIO io, ICommandRouter router, FeedCompletion completion, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            if (io.WaitForIngest)
            {
                await completion.Ingested.WaitAsync(stoppingToken);
            }

            while (await ReadLineAsync(stoppingToken) is { } line)
            {
                if (string.IsNullOrWhiteSpace(line))
                {
                    continue;
                }

                await AnswerAsync(line, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        lifetime.StopApplication();
    }

    private async Task AnswerAsync(string line, CancellationToken cancellationToken)
    {
        if (!CommandText.TryParse(line, out var command, out var arguments))
        {
            await io.Output.WriteLineAsync(line.Trim().Length > CommandText.MaxLineLength
                ? $"That line is too long for a command ({line.Trim().Length:N0} characters; at most {CommandText.MaxLineLength}). Try /help."
                : "Commands start with /, e.g. /liqmap btc. Try /help.");
            return;
        }

        var request = new ChatRequest(ConsoleChatIO.Chat, "console", command, arguments, _ => ValueTask.FromResult(true), async (line, token) =>
        {
            await io.Output.WriteLineAsync(line);
            await io.Output.FlushAsync(token);
        });
        var reply = await router.HandleAsync(request, cancellationToken);
        await io.Output.WriteLineAsync(reply.Text);
        if (reply.Image is { } image)
        {
            await io.Output.WriteLineAsync($"image: {io.Save(image)}");
        }

        await io.Output.FlushAsync(cancellationToken);
    }

    /// <summary>Reads a line, giving up when the host stops even if the reader cannot be cancelled (stdin).</summary>
    private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var read = io.Input.ReadLineAsync(cancellationToken).AsTask();
        await Task.WhenAny(read, Task.Delay(Timeout.Infinite, cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();
        return await read;
    }
}
