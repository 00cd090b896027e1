using System.Text.Json;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Bybit;
using LiqBot.Exchanges.Okx;
using LiqBot.Market;

namespace LiqBot.Risk;

/// <summary>
/// Reads every venue's maintenance-margin tiers for every symbol at start, then again every
/// <see cref="Refresh"/> (venues change them rarely). A failure is logged and the symbol keeps
/// whatever it had, at worst the configured default.
/// </summary>
internal sealed partial class MarginTierWorker(
    MarketRegistry markets,
    MarginTierStore store,
    IServiceProvider services,
    TimeProvider time,
    ILogger<MarginTierWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Refresh = TimeSpan.FromHours(6);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ReadAllAsync(stoppingToken);
            await Task.Delay(Refresh, time, stoppingToken);
        }
    }

    public async Task ReadAllAsync(CancellationToken cancellationToken)
    {
        foreach (var venue in markets.Venues)
        {
            foreach (var symbol in markets.All.Select(m => m.Symbol).ToList())
            {
                try
                {
                    if (await ReadAsync(venue, symbol, cancellationToken) is { Tiers.Count: > 0 } tiers)
                    {
                        store.Set(tiers);
                        LogRead(venue.Name, symbol, tiers.Tiers.Count, tiers.Tiers[0].MaintenanceMarginRate);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or VenueRestException or JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException
                    || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    LogFailed(venue.Name, symbol, e.Message);
                }
            }
        }
    }

    private async Task<VenueMarginTiers?> ReadAsync(Venue venue, string symbol, CancellationToken cancellationToken)
    {
        if (venue == Venue.Bybit && services.GetService<BybitRestClient>() is { } bybit)
        {
            return new VenueMarginTiers(venue, symbol, await bybit.GetMarginTiersAsync(symbol, cancellationToken), CapsInBaseCoin: false, "Bybit risk limits");
        }

        if (venue == Venue.Okx && services.GetService<OkxRestClient>() is { } okx
            && await okx.GetContractValueAsync(symbol, cancellationToken) is { } contractValue)
        {
            var tiers = await okx.GetMarginTiersInContractsAsync(symbol, cancellationToken);
            return new VenueMarginTiers(venue, symbol, [.. tiers.Select(t => t with { NotionalCap = t.NotionalCap * contractValue })], CapsInBaseCoin: true, "OKX position tiers");
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Venue} {Symbol}: {Count} maintenance-margin tiers read (lowest {Rate})")]
    private partial void LogRead(string venue, string symbol, int count, double rate);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Venue} {Symbol}: maintenance-margin tiers not read ({Reason}); /risk uses the configured default")]
    private partial void LogFailed(string venue, string symbol, string reason);
}
