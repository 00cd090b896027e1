using System.Text.Json;

namespace LiqBot.Exchanges.Replay;

/// <summary>
/// The first line of a recording since version 2: <c>{"liqbot":"recording","version":2,"venues":[...],"symbols":[...],"started":ms}</c>.
/// A file without it is a version 1 recording: raw Bybit frames, as <c>record</c> wrote them before.
/// </summary>
public sealed record RecordingHeader(int Version, IReadOnlyList<Venue> Venues, IReadOnlyList<string> Symbols, long StartedMs)
{
    public const int CurrentVersion = 2;

    public void Write(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("liqbot", "recording");
        json.WriteNumber("version", Version);
        json.WriteStartArray("venues");
        foreach (var venue in Venues)
        {
            json.WriteStringValue(venue.Key);
        }

        json.WriteEndArray();
        json.WriteStartArray("symbols");
        foreach (var symbol in Symbols)
        {
            json.WriteStringValue(symbol);
        }

        json.WriteEndArray();
        json.WriteNumber("started", StartedMs);
        json.WriteEndObject();
    }

    /// <summary>The header on a recording's first line; null when the line is not one (a version 1 recording's frame, or not JSON at all).</summary>
    /// <exception cref="InvalidDataException">The line is a header this version cannot read.</exception>
    public static RecordingHeader? Parse(string line)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(line);
        }
        catch (JsonException)
        {
            return null; // read as version 1, which names the line that is not a frame
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("liqbot", out var kind))
            {
                return null;
            }

            try
            {
                var version = root.GetProperty("version").GetInt32();
                if (kind.GetString() != "recording" || version is < 2 or > CurrentVersion)
                {
                    throw new InvalidDataException($"line 1 declares recording version {version}; this liqbot reads versions 1 to {CurrentVersion}.");
                }

                var venues = root.GetProperty("venues").EnumerateArray()
                    .Select(v => Venue.TryParse(v.GetString(), out var venue) ? venue : throw new InvalidDataException($"line 1 names an unknown venue '{v.GetString()}'."))
                    .ToList();
                var symbols = root.GetProperty("symbols").EnumerateArray().Select(s => s.GetString() ?? throw new InvalidDataException("line 1 has a null symbol.")).ToList();
                return venues.Count == 0
                    ? throw new InvalidDataException("line 1 names no venue.")
                    : new RecordingHeader(version, venues, symbols, root.GetProperty("started").GetInt64());
            }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException)
            {
                throw new InvalidDataException("line 1 is not a readable recording header.", e);
            }
        }
    }
}
