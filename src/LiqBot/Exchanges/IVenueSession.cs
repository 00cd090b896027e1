using System.Threading.Channels;
using LiqBot.Engine.Market;

namespace LiqBot.Exchanges;

/// <summary>One connection's life at a venue, as <see cref="LiveFeed"/> runs it again and again.</summary>
internal interface IVenueSession
{
    /// <summary>Writes events; calls <paramref name="onLive"/> once data flows; returns how it ended or throws why it failed.</summary>
    Task<SessionEnd> RunAsync(ChannelWriter<MarketEvent> writer, Action onLive, CancellationToken cancellationToken);
}
