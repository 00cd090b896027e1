using System.Diagnostics.CodeAnalysis;

namespace LiqBot.Chat;

/// <summary>Splits a typed line like "/liqmap btc 24h" into the command and its arguments.</summary>
internal static class CommandText
{
    /// <summary>A longer line is not a command anyone typed on purpose.</summary>
    public const int MaxLineLength = 512;

    public static bool TryParse(string? line, [NotNullWhen(true)] out string? command, out IReadOnlyList<string> arguments)
    {
        command = null;
        arguments = [];
        var text = line?.Trim() ?? string.Empty;
        if (text.Length is < 2 or > MaxLineLength || text[0] != '/')
        {
            return false;
        }

        var words = text[1..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var name = words[0];
        var at = name.IndexOf('@', StringComparison.Ordinal);
        command = (at >= 0 ? name[..at] : name).ToLowerInvariant();
        arguments = words[1..];
        return command.Length > 0;
    }
}
