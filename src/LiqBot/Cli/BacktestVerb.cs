using System.CommandLine;
using System.Text.Json;
using LiqBot.Engine.Backtest;
using LiqBot.Engine.Model;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;

namespace LiqBot.Cli;

/// <summary>`backtest --data FILE [--split ISO8601] [--json]`: how well the map anticipated realized liquidations.</summary>
internal static class BacktestVerb
{
    public static Command Create(TextWriter stdout)
    {
        var data = DataArguments.Data();
        var split = new Option<string?>("--split") { Description = "Bars before this time are in-sample, the rest out-of-sample (default 2026-06-01T00:00Z)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var venue = DataArguments.Venue();
        venue.Description = "The venue of a recording whose bars are scored (default: Bybit, whose liquidations are complete, else the first recorded).";
        var command = new Command("backtest", "Scores the estimated map against the realized liquidations of a bar file.") { data, split, venue, json };
        command.SetAction(parse =>
        {
            var market = DataArguments.Load(parse.GetValue(data)!, null, parse.GetValue(venue));
            var scored = market.Venues.FirstOrDefault(v => v.Venue == Venue.Bybit) ?? market.Venues[0];
            var history = scored.History;
            if (history.Bars.All(b => b.LiquidatedLongUsd is null))
            {
                throw new UsageException($"{history.SourceName} has no realized liquidation columns (liquidation_long_usd, liquidation_short_usd) to score against.");
            }

            var splitText = parse.GetValue(split);
            var splitAt = splitText is null ? AccuracyBacktest.DefaultSplit : DataArguments.ParseTime("--split", splitText);
            var settings = new BacktestOptions();
            if (splitText is not null)
            {
                RefuseOneSidedSplit(history, splitAt, settings.WarmUp);
            }

            var report = AccuracyBacktest.Run(history.Bars, splitAt, new ModelOptions(), settings);
            if (parse.GetValue(json))
            {
                stdout.Write(JsonSerializer.Serialize(report, JsonOptions) + Environment.NewLine);
                return ExitCodes.Success;
            }

            if (market.Venues.Count > 1)
            {
                // Each venue's map is its own model run; scoring their sum would need one bar series for all.
                stdout.WriteLine($"Scored: {scored.Venue.Name}'s bars (the file holds {Venue.Join(market.Venues.Select(v => v.Venue))}; --venue picks another).");
            }

            stdout.Write(BacktestTable.Text(report));
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>A split the user chose must leave scored bars on both sides; otherwise one window would be all NaN.</summary>
    private static void RefuseOneSidedSplit(MarketHistory history, DateTimeOffset split, TimeSpan warmUp)
    {
        var firstScored = history.Bars[0].OpenTime + warmUp;
        var last = history.Bars[^1].OpenTime;
        if (split <= firstScored || split > last)
        {
            throw new UsageException($"--split {split:yyyy-MM-ddTHH:mmZ} leaves a window empty: bars are scored from {firstScored:yyyy-MM-ddTHH:mmZ} (after a day of warm-up) to {last:yyyy-MM-ddTHH:mmZ}.");
        }
    }
}
