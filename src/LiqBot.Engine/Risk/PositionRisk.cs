using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using LiqBot.Engine.Formatting;
using LiqBot.Engine.Market;
using LiqBot.Engine.Model;
using LiqBot.Engine.Zones;

namespace LiqBot.Engine.Risk;

/// <summary>
/// Where an isolated linear position is liquidated (the venue's tier for its size, else the lowest tier)
/// and what the map holds on the way; or one line saying why the question cannot be answered.
/// </summary>
public static class PositionRisk
{
    /// <summary>An entry further than this from the price is taken for a typo.</summary>
    public const double MaxEntryDistancePct = 50;

    public static bool TryAssess(
        BookSnapshot book,
        RiskPosition position,
        MarginSchedule schedule,
        [NotNullWhen(true)] out RiskAssessment? assessment,
        [NotNullWhen(false)] out string? error,
        ZoneOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(book);
        ArgumentNullException.ThrowIfNull(position);
        ArgumentNullException.ThrowIfNull(schedule);
        assessment = null;
        error = Check(book, position, schedule, out var tier);
        if (error is not null)
        {
            return false;
        }

        var level = LiquidationPrice.Of(position.Side, position.Entry, position.Leverage, tier.MaintenanceMarginRate);
        if (position.Side == PositionSide.Long ? level >= book.Price : level <= book.Price)
        {
            var where = position.Side == PositionSide.Long ? "above" : "below";
            error = $"Cannot be: a {Describe(position)} liquidates at {MoneyFormat.PriceExact(level)}, {where} the price {MoneyFormat.PriceExact(book.Price)}, so it would already be closed.";
            return false;
        }

        assessment = new RiskAssessment(position, schedule, tier, level, book.Price, LiquidationPath.Measure(book, position.Side, level, options));
        return true;
    }

    /// <summary>"long 20x from 64,000".</summary>
    public static string Describe(RiskPosition position)
    {
        ArgumentNullException.ThrowIfNull(position);
        var side = position.Side == PositionSide.Long ? "long" : "short";
        return $"{side} {position.Leverage.ToString("0.##", CultureInfo.InvariantCulture)}x from {MoneyFormat.PriceExact(position.Entry)}";
    }

    private static string? Check(BookSnapshot book, RiskPosition position, MarginSchedule schedule, out MarginTier tier)
    {
        tier = schedule.Lowest;
        if (book.IsEmpty)
        {
            return $"{book.Symbol}: waiting for market data, try again in a minute.";
        }

        if (position.SizeUsd is { } size && !(size > 0 && double.IsFinite(size)))
        {
            return "Size must be a positive USD amount, e.g. 25k.";
        }

        if (!schedule.TryFor(position.SizeUsd, out tier))
        {
            return $"A ${MoneyFormat.PriceExact(position.SizeUsd!.Value)} position is above the largest tier ({MoneyFormat.Usd(schedule.Tiers[^1].NotionalCap)}) of {schedule.Source}.";
        }

        if (!(position.Leverage >= 1 && position.Leverage <= tier.MaxLeverage))
        {
            var forSize = position.SizeUsd is null ? string.Empty : " at that size";
            return $"Leverage must be between 1x and {tier.MaxLeverage.ToString("0.##", CultureInfo.InvariantCulture)}x ({schedule.Source}{forSize}).";
        }

        if (!(position.Entry > 0 && double.IsFinite(position.Entry)))
        {
            return "Entry must be a positive price.";
        }

        if (Math.Abs(position.Entry - book.Price) / book.Price * 100.0 > MaxEntryDistancePct)
        {
            return $"Entry {MoneyFormat.PriceExact(position.Entry)} is more than {MaxEntryDistancePct:0} % from the price {MoneyFormat.PriceExact(book.Price)}; check the number.";
        }

        return null;
    }
}
