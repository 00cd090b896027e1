using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Exchanges;
using LiqBot.Exchanges.Replay;

namespace LiqBot.Cli;

/// <summary>`zones --data FILE [--symbol S] [--at ISO8601] [--window W] [--json]`: the brief and the zones table.</summary>
internal static class ZonesVerb
{
    public static Command Create(TextWriter stdout)
    {
        var data = DataArguments.Data();
        var symbol = DataArguments.Symbol();
        var at = DataArguments.At();
        var window = DataArguments.Window();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the brief and table." };
        var command = new Command("zones", "Dense liquidation zones and the brief, from a data file.") { data, symbol, at, window, json };
        command.SetAction(parse =>
        {
            var history = DataArguments.Load(parse.GetValue(data)!, parse.GetValue(symbol));
            var chosenWindow = DataArguments.ParseWindow(parse.GetValue(window)!);
            var time = DataArguments.ParseAt(parse.GetValue(at), history);
            var book = DataArguments.BookAt(history, time, new ModelOptions());
            var snapshot = book.Snapshot(chosenWindow, history.SourceName);
            var zones = ZoneFinder.Find(snapshot);
            stdout.Write(parse.GetValue(json) ? Json(snapshot, zones, FileVenues(parse.GetValue(data)!)) : Text(snapshot, zones));
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>A recording holds Bybit frames; a bar CSV does not say which venues it sums.</summary>
    private static IReadOnlyList<string> FileVenues(string path) => RecordingFile.IsRecording(path) ? [Venue.Bybit.Key] : [];

    private static string Json(BookSnapshot book, IReadOnlyList<Zone> zones, IReadOnlyList<string> venues)
    {
        var report = new ZonesReport(
            book.Symbol,
            venues,
            book.At,
            book.Price,
            book.BinSize,
            book.Window.Name,
            zones.Select(z => new ZoneEntry(z.Side.ToString().ToLowerInvariant(), z.Low, z.High, Math.Round(z.NotionalUsd, 2), Math.Round(z.DistancePct, 3))).ToList());
        return JsonSerializer.Serialize(report, JsonSerializerOptions.Web) + Environment.NewLine;
    }

    private static string Text(BookSnapshot book, IReadOnlyList<Zone> zones)
    {
        var lines = new List<string> { MarketBrief.Write(book), string.Empty, $"{"side",-6} {"low",10} {"high",10} {"notional",10} {"distance",9}" };
        foreach (var zone in zones)
        {
            lines.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{zone.Side.ToString().ToLowerInvariant(),-6} {MarketText.Price(zone.Low, book.BinSize),10} {MarketText.Price(zone.High, book.BinSize),10} {MoneyFormat.Usd(zone.NotionalUsd),10} {MoneyFormat.SignedPercent(zone.DistancePct),9}"));
        }

        if (zones.Count == 0)
        {
            lines.Add("(no zone)");
        }

        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private sealed record ZonesReport(string Symbol, IReadOnlyList<string> Venues, DateTimeOffset At, double Price, double BinSize, string Window, IReadOnlyList<ZoneEntry> Zones);

    private sealed record ZoneEntry(string Side, double Low, double High, double NotionalUsd, double DistancePct);
}
