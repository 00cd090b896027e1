using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Chat.Commands;
using LiqBot.Exchanges;

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
        var venue = DataArguments.Venue();
        var command = new Command("zones", "Dense liquidation zones and the brief, from a data file.") { data, symbol, at, window, venue, json };
        command.SetAction(parse =>
        {
            var market = DataArguments.Load(parse.GetValue(data)!, parse.GetValue(symbol), parse.GetValue(venue));
            var chosenWindow = DataArguments.ParseWindow(parse.GetValue(window)!);
            var time = DataArguments.ParseAt(parse.GetValue(at), market);
            var snapshot = market.Snapshot(time, chosenWindow, new ModelOptions());
            var zones = ZoneFinder.Find(snapshot);
            stdout.Write(parse.GetValue(json) ? Json(snapshot, zones, market.VenueKeys) : Text(snapshot, zones, market.VenuesAt(time)));
            return ExitCodes.Success;
        });
        return command;
    }

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

    private static string Text(BookSnapshot book, IReadOnlyList<Zone> zones, IReadOnlyList<Venue> venues)
    {
        var lines = new List<string> { VenueText.Brief(book, venues), string.Empty, $"{"side",-6} {"low",10} {"high",10} {"notional",10} {"distance",9}" };
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
