using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LiqBot.Fakes.Discord;

/// <summary>
/// A message body as Discord reads it: JSON, or multipart with payload_json and files[0], where the
/// fake checks the layout the way Discord would reject it (50035 Invalid Form Body): the file is a
/// PNG, payload_json lists it as attachment 0 under the same name, and an embed that shows it says
/// attachment://name.
/// </summary>
public sealed record FakeMessageBody(JsonObject Payload, bool IsMultipart, string? FileName, byte[]? Png)
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public string? Content => Payload["content"]?.GetValue<string>();

    public int Flags => Payload["flags"]?.GetValue<int>() ?? 0;

    public string? Nonce => Payload["nonce"]?.GetValue<string>();

    public bool EnforceNonce => Payload["enforce_nonce"]?.GetValue<bool>() ?? false;

    public string? EmbedDescription => Payload["embeds"]?[0]?["description"]?.GetValue<string>();

    public string? EmbedImageUrl => Payload["embeds"]?[0]?["image"]?["url"]?.GetValue<string>();

    /// <summary>The body, or the reason Discord would refuse it.</summary>
    public static async Task<(FakeMessageBody? Body, string? Error)> ReadAsync(HttpRequest request)
    {
        if (request.HasJsonContentType())
        {
            var json = await JsonNode.ParseAsync(request.Body) as JsonObject;
            return json is null ? (null, "body is not a JSON object")
                : json["content"] is null && json["embeds"] is null ? (null, "50006 Cannot send an empty message")
                : (new FakeMessageBody(json, false, null, null), null);
        }

        if (!request.HasFormContentType)
        {
            return (null, "Content-Type must be application/json or multipart/form-data");
        }

        var form = await request.ReadFormAsync();
        if (!form.TryGetValue("payload_json", out var payloadText))
        {
            return (null, "multipart without payload_json");
        }

        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(payloadText.ToString()) as JsonObject;
        }
        catch (JsonException e)
        {
            return (null, "payload_json is not JSON: " + e.Message);
        }

        var file = form.Files.GetFile("files[0]");
        if (payload is null || file is null || form.Files.Count != 1)
        {
            return (null, "multipart must hold payload_json and exactly one file named files[0]");
        }

        using var stream = new MemoryStream();
        await file.CopyToAsync(stream);
        var png = stream.ToArray();
        if (!png.AsSpan().StartsWith(PngSignature) || file.ContentType != "image/png")
        {
            return (null, "files[0] is not a PNG");
        }

        var attachment = payload["attachments"]?[0];
        if (attachment?["id"]?.GetValue<int>() != 0 || attachment["filename"]?.GetValue<string>() != file.FileName)
        {
            return (null, "payload_json.attachments[0] must be {id: 0, filename: <files[0] name>}");
        }

        var body = new FakeMessageBody(payload, true, file.FileName, png);
        if (body.EmbedImageUrl is { } url && url != "attachment://" + file.FileName)
        {
            return (null, $"embed image {url} does not reference attachment://{file.FileName}");
        }

        return (body, null);
    }
}
