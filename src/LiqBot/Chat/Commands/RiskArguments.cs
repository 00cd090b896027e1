using System.Globalization;
using LiqBot.Engine.Market;
using LiqBot.Engine.Risk;
using LiqBot.Exchanges;
using LiqBot.Market;
using LiqBot.Storage;

namespace LiqBot.Chat.Commands;

/// <summary>
/// Reads "&lt;symbol&gt; &lt;long|short&gt; &lt;leverage&gt; &lt;entry&gt; [size] [venue]" as traders write it
/// ("btc long 20x 64000", "eth short 10 3.15k 25k okx"); every mistake gets one line naming it.
/// </summary>
internal static class RiskArguments
{
    public const string Usage = "Usage: /risk <symbol> <long|short> <leverage> <entry> [size USD] [venue], e.g. /risk btc long 20x 64000 or /risk eth short 10 3150 25k.";

    public static RiskQuery Parse(IReadOnlyList<string> arguments, MarketRegistry markets)
    {
        var words = arguments.Where(a => !a.Equals("isolated", StringComparison.OrdinalIgnoreCase)).ToList();
        if (words.Any(a => a.Equals("cross", StringComparison.OrdinalIgnoreCase)))
        {
            return RiskQuery.Failed("Cross margin cannot be estimated: its liquidation depends on the whole account's balance and other positions. /risk answers isolated positions.");
        }

        if (words.Count is < 4 or > 6)
        {
            return RiskQuery.Failed(Usage);
        }

        if (!markets.Catalog.TryResolve(words[0], out var symbol, out var unknown))
        {
            return RiskQuery.Failed(unknown);
        }

        PositionSide? side = words[1].ToLowerInvariant() switch { "long" or "buy" => PositionSide.Long, "short" or "sell" => PositionSide.Short, _ => null };
        if (side is null)
        {
            return RiskQuery.Failed($"Side must be long or short, not '{words[1]}'.");
        }

        if (!TryLeverage(words[2], out var leverage))
        {
            return RiskQuery.Failed($"Leverage must be a number like 20x, not '{words[2]}'.");
        }

        if (!UsdAmountText.TryParse(words[3], out var entry))
        {
            return RiskQuery.Failed($"Entry must be a price like 64000 or 64.5k, not '{words[3]}'.");
        }

        double? size = null;
        Venue? venue = null;
        foreach (var word in words.Skip(4))
        {
            if (venue is null && Venue.TryParse(word, out var named))
            {
                if (!markets.Venues.Contains(named))
                {
                    return RiskQuery.Failed($"{named.Name} is not read by this bot; its venues: {Venue.Join(markets.Venues)}.");
                }

                venue = named;
            }
            else if (size is null && venue is null && UsdAmountText.TryParse(word, out var amount))
            {
                size = amount;
            }
            else
            {
                return RiskQuery.Failed($"'{word}' is neither a size in USD (e.g. 25k) nor a venue ({string.Join(", ", markets.Venues.Select(v => v.Key))}).");
            }
        }

        return new RiskQuery(symbol, new RiskPosition(side.Value, leverage, entry, size), venue, null);
    }

    private static bool TryLeverage(string text, out double leverage)
    {
        var number = text.Trim().Trim('x', 'X');
        return double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out leverage) && double.IsFinite(leverage);
    }
}
