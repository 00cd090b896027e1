using System.Globalization;
using LiqBot.Exchanges;

namespace LiqBot.Operations;

/// <summary>
/// How healthy the market side is: problems (no venue serves, or live data stopped) make /healthz answer
/// 503; venues down while another serves only degrade it (200, with the reasons).
/// </summary>
internal static class FeedHealth
{
    public static (List<string> Problems, List<string> Degraded) Evaluate(VenueFeeds feeds, TimeSpan? lag, TimeSpan maxLag)
    {
        var problems = new List<string>();
        var degraded = new List<string>();
        var serving = feeds.Serving.ToList();
        if (serving.Count == 0)
        {
            problems.AddRange(feeds.All.Select(f => feeds.All.Count == 1 ? f.Source.Status.Describe() : $"{f.Venue.Name}: {f.Source.Status.Describe()}"));
        }
        else if (serving.All(f => f.Source.Status.State != FeedState.Ended) && (lag is null || lag > maxLag))
        {
            // A finished replay is as live as it will ever be; live venues must keep data coming.
            problems.Add($"no market data for {lag?.TotalSeconds.ToString("0", CultureInfo.InvariantCulture) ?? "ever"} s");
        }
        else
        {
            degraded.AddRange(feeds.Down.Select(f => $"{f.Venue.Name}: {f.Source.Status.Describe()}"));
        }

        return (problems, degraded);
    }
}
