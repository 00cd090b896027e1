using System.Globalization;
using System.Net;

namespace LiqBot.Tests.TestSupport;

/// <summary>The bot's operations port as a test reads it: /healthz (status and text) and one venue's figure from /metrics.</summary>
internal sealed class OperationsProbe(int port) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The health answer, or null while nothing listens (the process is starting).</summary>
    public async Task<(HttpStatusCode Status, string Text)?> HealthAsync()
    {
        try
        {
            using var response = await _http.GetAsync(new Uri("/healthz", UriKind.Relative));
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    public async Task<bool> ReadyAsync() => await HealthAsync() is (HttpStatusCode.OK, "ready\n");

    /// <summary>The venue's series of <paramref name="metric"/> (e.g. liqbot_feed_live), or null while the bot does not answer or has no such series yet.</summary>
    public async Task<double?> VenueMetricAsync(string metric, string venue)
    {
        string text;
        try
        {
            text = await _http.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        }
        catch (HttpRequestException)
        {
            return null;
        }

        var prefix = $"{metric}{{venue=\"{venue}\"}} ";
        var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? null : double.Parse(line[prefix.Length..].Split(' ')[0], CultureInfo.InvariantCulture);
    }

    public void Dispose() => _http.Dispose();
}
