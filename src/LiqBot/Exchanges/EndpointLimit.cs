namespace LiqBot.Exchanges;

/// <summary>
/// A venue's own limit for one REST endpoint: at most <see cref="Limit"/> requests per <see cref="Window"/>
/// to paths starting with <see cref="PathPrefix"/>, counted per value of the <see cref="PerQueryKey"/>
/// query parameter when the venue counts per instrument (OKX's "IP+instId").
/// </summary>
internal sealed record EndpointLimit(string PathPrefix, int Limit, TimeSpan Window, string? PerQueryKey = null)
{
    /// <summary>The limiter key of a request to this endpoint, or null when the request is not to it.</summary>
    public string? KeyOf(string pathAndQuery)
    {
        if (!pathAndQuery.StartsWith(PathPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        if (PerQueryKey is null)
        {
            return PathPrefix;
        }

        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal) is var q and >= 0 ? pathAndQuery[(q + 1)..] : string.Empty;
        var value = query.Split('&').FirstOrDefault(p => p.StartsWith(PerQueryKey + "=", StringComparison.Ordinal))?[(PerQueryKey.Length + 1)..];
        return $"{PathPrefix}?{PerQueryKey}={value}";
    }
}
