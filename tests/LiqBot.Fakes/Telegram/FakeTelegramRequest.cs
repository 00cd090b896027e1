using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Telegram;

/// <summary>A Bot API call's parameters, from whichever of the four encodings it came in: query, form, multipart or JSON.</summary>
internal sealed class FakeTelegramRequest
{
    public Dictionary<string, string> Fields { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (string FileName, string? ContentType, byte[] Bytes)> Files { get; } = new(StringComparer.Ordinal);

    public string? ContentType { get; private set; }

    public static async Task<FakeTelegramRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var parsed = new FakeTelegramRequest { ContentType = request.ContentType };
        foreach (var (key, value) in request.Query)
        {
            parsed.Fields[key] = value.ToString();
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                parsed.Fields[key] = value.ToString();
            }

            foreach (var file in form.Files)
            {
                using var bytes = new MemoryStream();
                await file.CopyToAsync(bytes, cancellationToken);
                parsed.Files[file.Name] = (file.FileName, file.ContentType, bytes.ToArray());
            }
        }
        else if (request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true)
        {
            using var json = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    parsed.Fields[property.Name] = property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText();
                }
            }
        }

        return parsed;
    }

    public string? Get(string name) => Fields.TryGetValue(name, out var value) ? value : null;

    public long? GetLong(string name) => long.TryParse(Get(name), out var value) ? value : null;

    /// <summary>A JSON object field (reply_parameters) sent either as JSON or as a JSON string in a form.</summary>
    public long? GetNestedLong(string name, string property)
    {
        if (Get(name) is not { } raw)
        {
            return null;
        }

        using var json = JsonDocument.Parse(raw);
        return json.RootElement.TryGetProperty(property, out var value) && value.TryGetInt64(out var number) ? number : null;
    }
}
