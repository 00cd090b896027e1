using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace LiqBot.Hosting;

/// <summary>
/// One line per log entry on stderr. An exception logged at Information or above shows as its type and
/// message only: stack traces are for developers and appear only on Debug and Trace entries, so a
/// user who gave bad input (or whose disk is full) reads one clear line, not a trace.
/// </summary>
internal sealed class TerseConsoleFormatter() : ConsoleFormatter(FormatterName)
{
    public const string FormatterName = "liqbot";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        textWriter.Write(Level(logEntry.LogLevel));
        textWriter.Write(": ");
        textWriter.Write(logEntry.Category);
        textWriter.Write(": ");
        textWriter.Write(message);
        if (logEntry.Exception is { } exception)
        {
            if (logEntry.LogLevel <= LogLevel.Debug)
            {
                textWriter.Write(Environment.NewLine);
                textWriter.Write(exception.ToString());
            }
            else
            {
                textWriter.Write($" ({exception.GetType().Name}: {exception.Message})");
            }
        }

        textWriter.Write(Environment.NewLine);
    }

    private static string Level(LogLevel level) => level switch
    {
        LogLevel.Trace => "trce",
        LogLevel.Debug => "dbug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        LogLevel.Error => "fail",
        LogLevel.Critical => "crit",
        _ => "none",
    };
}
