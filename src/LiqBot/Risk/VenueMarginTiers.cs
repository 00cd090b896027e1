using LiqBot.Engine.Risk;
using LiqBot.Exchanges;

namespace LiqBot.Risk;

/// <summary>
/// One venue's maintenance-margin tiers for one symbol as read from it. OKX caps its tiers in contracts,
/// so those are kept in base coin (contracts x contract value) and turned into USD at the price of the question.
/// </summary>
internal sealed record VenueMarginTiers(Venue Venue, string Symbol, IReadOnlyList<MarginTier> Tiers, bool CapsInBaseCoin, string Source)
{
    public MarginSchedule At(double price) =>
        new(CapsInBaseCoin ? Tiers.Select(t => t with { NotionalCap = t.NotionalCap * price }) : Tiers, Source);
}
