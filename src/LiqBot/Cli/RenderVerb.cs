using System.CommandLine;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;
using LiqBot.Rendering;

namespace LiqBot.Cli;

/// <summary>`render --data FILE --kind map|heatmap [--window W] [--at T] [--width N] [--height N] --out FILE.png`.</summary>
internal static class RenderVerb
{
    public static Command Create(TextWriter stdout)
    {
        var data = DataArguments.Data();
        var symbol = DataArguments.Symbol();
        var at = DataArguments.At();
        var window = DataArguments.Window();
        var kind = new Option<string>("--kind") { Description = "map or heatmap.", Required = true };
        var width = new Option<int>("--width") { Description = $"{RenderSize.MinWidth} to {RenderSize.MaxWidth}.", DefaultValueFactory = _ => 1280 };
        var height = new Option<int>("--height") { Description = $"{RenderSize.MinHeight} to {RenderSize.MaxHeight}.", DefaultValueFactory = _ => 720 };
        var output = new Option<string>("--out") { Description = "PNG file to write.", Required = true };
        var venue = DataArguments.Venue();
        var command = new Command("render", "Draws the liquidation map or the heatmap of a data file as a PNG.") { data, symbol, kind, window, at, venue, width, height, output };
        command.SetAction(parse =>
        {
            var chosenKind = parse.GetValue(kind)!.Trim().ToLowerInvariant();
            if (chosenKind is not ("map" or "heatmap"))
            {
                throw new UsageException($"unknown --kind '{parse.GetValue(kind)}': use map or heatmap.");
            }

            var size = Size(parse.GetValue(width), parse.GetValue(height));
            var path = parse.GetValue(output)!;
            var market = DataArguments.Load(parse.GetValue(data)!, parse.GetValue(symbol), parse.GetValue(venue));
            var chosenWindow = DataArguments.ParseWindow(parse.GetValue(window)!);
            var time = DataArguments.ParseAt(parse.GetValue(at), market);
            byte[] png;
            if (chosenKind == "map")
            {
                var snapshot = market.Snapshot(time, chosenWindow, new ModelOptions());
                png = new LiquidationMapRenderer().Render(snapshot, ZoneFinder.Find(snapshot), size);
            }
            else
            {
                png = new HeatmapRenderer().Render(market.Heatmap(time, chosenWindow, new ModelOptions()), size);
            }
            Write(path, png);
            stdout.WriteLine($"{path} ({png.Length:N0} bytes, {size.Width}x{size.Height})");
            return ExitCodes.Success;
        });
        return command;
    }

    private static RenderSize Size(int width, int height)
    {
        try
        {
            return new RenderSize(width, height);
        }
        catch (ArgumentOutOfRangeException)
        {
            throw new UsageException($"bad size {width}x{height}: width {RenderSize.MinWidth}-{RenderSize.MaxWidth}, height {RenderSize.MinHeight}-{RenderSize.MaxHeight}.");
        }
    }

    private static void Write(string path, byte[] png)
    {
        if (Directory.Exists(path))
        {
            throw new UsageException($"--out '{path}' is a directory: give a file name, like {Path.Combine(path, "map.png")}.");
        }

        try
        {
            File.WriteAllBytes(path, png);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot write '{path}': {e.Message}");
        }
    }
}
