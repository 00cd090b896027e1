namespace LiqBot.Chat.Commands;

/// <summary>What /help map says: what the map is and is not, in five lines.</summary>
internal static class MapExplainer
{
    public const string Text = """
        What the map is: est. notional per price bin. Each rise in open interest is spread over assumed leverage tiers (5x to 100x) and placed at each tier's liquidation price.
        It is not orders and not a forecast: it shows where positions opened in the window would be liquidated if still open, not where price will go.
        Colours: reds are long liquidations below price, greens short ones above; darker is lower leverage. The curves add the bars up from the price outwards (cumulative).
        Estimated: every bar, zone and $ figure marked "est.". Reported by the exchange: price, open interest and realized liquidations (the dots on /heatmap).
        How accurate it is (zones touched against a shifted-OI null, per venue): README, section "Accuracy, measured honestly".
        """;
}
