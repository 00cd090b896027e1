using System.Threading.Channels;

namespace LiqBot.Tests.TestSupport;

/// <summary>Console input the test types into line by line while the bot runs; <see cref="EndInput"/> ends it.</summary>
internal sealed class FedReader : TextReader
{
    private readonly Channel<string> _lines = Channel.CreateUnbounded<string>();

    public void Type(string line) => _lines.Writer.TryWrite(line);

    public void EndInput() => _lines.Writer.TryComplete();

    public override async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken) =>
        await _lines.Reader.WaitToReadAsync(cancellationToken) && _lines.Reader.TryRead(out var line) ? line : null;
}
