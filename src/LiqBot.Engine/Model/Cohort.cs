using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>
/// Notional of one side and leverage tier opened in one bar. Stored is the notional divided by the
/// book's weight at opening, so decay and proportional closing apply to every cohort at once
/// (effective = Stored x weight now). Stored is zero once the cohort is liquidated or expired.
/// </summary>
internal struct Cohort
{
    public long OpenedTicks;
    public double LiquidationPrice;
    public double Stored;
    public int Bin;
    public byte Tier;
    public PositionSide Side;

    public readonly bool IsLive => Stored > 0;
}
