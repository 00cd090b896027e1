using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace LiqBot.Chat.Discord;

/// <summary>
/// Builds a message body: text alone as JSON content; text with a PNG as multipart (payload_json
/// plus files[0]) with the text as the embed description and the image shown from
/// attachment://name. Mentions are never parsed (the text may echo user input).
/// </summary>
internal static class DiscordMessageBody
{
    public const int EphemeralFlag = 64;
    private const int MaxContent = 2000;
    private const int MaxDescription = 4096;

    /// <summary>A factory, because a retried request needs a fresh body.</summary>
    public static Func<HttpContent> Create(string text, ChatImage? image, int flags = 0, string? nonce = null)
    {
        var payload = new JsonObject { ["allowed_mentions"] = new JsonObject { ["parse"] = new JsonArray() } };
        var fileName = image is null ? null : SafeFileName(image.FileName);
        if (image is null)
        {
            payload["content"] = Truncate(string.IsNullOrWhiteSpace(text) ? "(empty)" : text, MaxContent);
        }
        else
        {
            var embed = new JsonObject { ["image"] = new JsonObject { ["url"] = "attachment://" + fileName } };
            if (!string.IsNullOrWhiteSpace(text))
            {
                embed["description"] = Truncate(text, MaxDescription);
            }

            payload["embeds"] = new JsonArray(embed);
            payload["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = fileName });
        }

        if (flags != 0)
        {
            payload["flags"] = flags;
        }

        if (nonce is not null)
        {
            payload["nonce"] = nonce;
            payload["enforce_nonce"] = true;
        }

        var json = payload.ToJsonString();
        if (image is null)
        {
            return () => new StringContent(json, Encoding.UTF8, "application/json");
        }

        return () =>
        {
            var multipart = new MultipartFormDataContent
            {
                { new StringContent(json, Encoding.UTF8, "application/json"), "payload_json" },
            };
            var file = new ByteArrayContent(image.Png);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            multipart.Add(file, "files[0]", fileName!);
            return multipart;
        };
    }

    /// <summary>Discord serves attachments by file name; keep it to characters that survive its URLs.</summary>
    internal static string SafeFileName(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray());
        return safe.EndsWith(".png", StringComparison.OrdinalIgnoreCase) ? safe : safe + ".png";
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
