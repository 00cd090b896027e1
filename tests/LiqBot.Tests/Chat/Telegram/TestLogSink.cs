using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace LiqBot.Tests.Chat.Telegram;

/// <summary>Keeps every log line (level, category, message, exception text) so tests can read what an operator would.</summary>
internal sealed class TestLogSink : ILoggerProvider
{
    public ConcurrentQueue<string> Lines { get; } = new();

    public string All => string.Join("\n", Lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(TestLogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            sink.Lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
