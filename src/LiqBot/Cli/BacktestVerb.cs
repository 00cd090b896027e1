using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LiqBot.Engine.Backtest;
using LiqBot.Engine.Model;

namespace LiqBot.Cli;

/// <summary>`backtest --data FILE [--split ISO8601] [--json]`: how well the map anticipated realized liquidations.</summary>
internal static class BacktestVerb
{
    public static Command Create(TextWriter stdout)
    {
        var data = DataArguments.Data();
        var split = new Option<string?>("--split") { Description = "Bars before this time are in-sample, the rest out-of-sample (default 2026-06-01T00:00Z)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object." };
        var command = new Command("backtest", "Scores the estimated map against the realized liquidations of a bar file.") { data, split, json };
        command.SetAction(parse =>
        {
            var history = DataArguments.Load(parse.GetValue(data)!, null);
            if (history.Bars.All(b => b.LiquidatedLongUsd is null))
            {
                throw new UsageException($"{history.SourceName} has no realized liquidation columns (liquidation_long_usd, liquidation_short_usd) to score against.");
            }

            var splitAt = ParseSplit(parse.GetValue(split));
            var report = AccuracyBacktest.Run(history.Bars, splitAt, new ModelOptions());
            stdout.Write(parse.GetValue(json) ? JsonSerializer.Serialize(report, JsonOptions) + Environment.NewLine : Text(report));
            return ExitCodes.Success;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerOptions.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static DateTimeOffset ParseSplit(string? text) =>
        text is null ? AccuracyBacktest.DefaultSplit : DataArguments.ParseTime("--split", text);

    private static string Text(BacktestReport report)
    {
        static string Row(string sample, string side, int bars, SideScore s) =>
            string.Create(CultureInfo.InvariantCulture, $"{sample,-14} {side,-6} {bars,5} {s.Spearman,9:0.000} {s.BaselineSpearman,9:0.000} {s.PartialSpearman,9:0.000}");

        return string.Join(
            Environment.NewLine,
            $"Bars scored: {report.Bars}; split at {report.Split:yyyy-MM-ddTHH:mmZ}.",
            $"{"sample",-14} {"side",-6} {"bars",5} {"spearman",9} {"baseline",9} {"partial",9}",
            Row("in-sample", "long", report.InSample.Bars, report.InSample.Long),
            Row("in-sample", "short", report.InSample.Bars, report.InSample.Short),
            Row("out-of-sample", "long", report.OutOfSample.Bars, report.OutOfSample.Long),
            Row("out-of-sample", "short", report.OutOfSample.Bars, report.OutOfSample.Short)) + Environment.NewLine;
    }
}
