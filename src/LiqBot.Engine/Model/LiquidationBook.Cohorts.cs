using LiqBot.Engine.Market;

namespace LiqBot.Engine.Model;

/// <summary>How cohorts are opened, closed, liquidated, aged out and compacted.</summary>
public sealed partial class LiquidationBook
{
    private void ApplyOpenInterest(in Bar bar, long closeTicks)
    {
        var openInterest = bar.OpenInterestUsd;
        if (_previousOpenInterest is { } previous)
        {
            var change = openInterest - previous;
            if (change < 0)
            {
                // An OI drop of x % closes x % of every live cohort (one factor per side), tilted
                // toward the side the bar moved against when AdverseCloseShare is set.
                var (longKept, shortKept) = KeptShares(bar, openInterest / previous);
                _scale[(int)PositionSide.Long] *= longKept;
                _scale[(int)PositionSide.Short] *= shortKept;
                ForgetWeights();
            }
            else if (change > 0)
            {
                OpenCohorts(bar, change, closeTicks);
            }
        }

        _previousOpenInterest = openInterest;
    }

    private void OpenCohorts(in Bar bar, double openedUsd, long closeTicks)
    {
        var (longShare, shortShare) = AggressorShares(bar);
        double[] entries = _options.SpreadEntriesOverRange ? [bar.Low, bar.EntryPrice, bar.High] : [bar.EntryPrice];
        foreach (var entry in entries)
        {
            for (var t = 0; t < _tiers.Length; t++)
            {
                var tierUsd = openedUsd * _tiers[t].Weight / entries.Length;
                if (_tiers[t].Side is null or PositionSide.Long)
                {
                    AddCohort(PositionSide.Long, t, entry, tierUsd * longShare, closeTicks);
                }

                if (_tiers[t].Side is null or PositionSide.Short)
                {
                    AddCohort(PositionSide.Short, t, entry, tierUsd * shortShare, closeTicks);
                }
            }
        }
    }

    /// <summary>
    /// The share of each side left after an OI drop that keeps <paramref name="kept"/> of OI: a bar that
    /// rose closes (1 + share x direction) times the drop on shorts and (1 - share x direction) on longs.
    /// </summary>
    private (double Long, double Short) KeptShares(in Bar bar, double kept)
    {
        var closed = 1 - kept;
        var tilt = _options.AdverseCloseShare > 0 && bar.High > bar.Low ? _options.AdverseCloseShare * (bar.Close - bar.Open) / (bar.High - bar.Low) : 0;
        return (Math.Max(MinKeptShare, 1 - (closed * (1 - tilt))), Math.Max(MinKeptShare, 1 - (closed * (1 + tilt))));
    }

    private (double Long, double Short) AggressorShares(in Bar bar)
    {
        if (_options.AggressorExtraShare > 0 && bar.TakerBuyUsd is { } buy && bar.TakerSellUsd is { } sell && buy + sell > 0)
        {
            var tilt = _options.AggressorExtraShare * (buy - sell) / (buy + sell);
            return (1 + tilt, 1 - tilt);
        }

        if (_options.PriceDirectionShare > 0 && bar.High > bar.Low)
        {
            var tilt = _options.PriceDirectionShare * (bar.Close - bar.Open) / (bar.High - bar.Low);
            return (1 + tilt, 1 - tilt);
        }

        return (1, 1);
    }

    private void AddCohort(PositionSide side, int tier, double entry, double notionalUsd, long openedTicks)
    {
        var price = LiquidationPrice.Of(side, entry, _tiers[tier].Leverage, _options.MaintenanceMarginRate);
        if (!(notionalUsd > 0) || !(price > 0))
        {
            return;
        }

        if (_nextId - _firstId == _cohorts.Length)
        {
            Array.Resize(ref _cohorts, _cohorts.Length * 2);
        }

        var id = _nextId++;
        var stored = notionalUsd / WeightsAt(openedTicks)[Slot(side, tier)];
        var bin = BinOf(price);
        CohortAt(id) = new Cohort { OpenedTicks = openedTicks, LiquidationPrice = price, Stored = stored, Bin = bin, Tier = (byte)tier, Side = side };
        for (var w = 0; w < _windows.Length; w++)
        {
            _grid.Add(SeriesOf(w, side, tier), bin, stored);
        }

        _grid.Add(_allSeries, bin, stored);

        (side == PositionSide.Long ? _longLevels : _shortLevels).Push(price, id);
    }

    /// <summary>Liquidates every long level at or above the bar's low and every short level at or below its high.</summary>
    private BarOutcome Consume(in Bar bar, long closeTicks)
    {
        var weights = WeightsAt(closeTicks);
        List<SweptLevel>? swept = null;
        double sweptLong = 0, sweptShort = 0;
        while (_longLevels.PeekPrice is { } level && level >= bar.Low)
        {
            if (TryLiquidate(_longLevels.Pop(), weights) is { } hit)
            {
                (swept ??= []).Add(hit);
                sweptLong += hit.NotionalUsd;
            }
        }

        while (_shortLevels.PeekPrice is { } level && level <= bar.High)
        {
            if (TryLiquidate(_shortLevels.Pop(), weights) is { } hit)
            {
                (swept ??= []).Add(hit);
                sweptShort += hit.NotionalUsd;
            }
        }

        return new BarOutcome(bar.CloseTime, sweptLong, sweptShort, swept ?? [], Ignored: false);
    }

    private SweptLevel? TryLiquidate(long id, double[] weights)
    {
        if (id < _firstId)
        {
            return null;
        }

        ref var cohort = ref CohortAt(id);
        if (!cohort.IsLive)
        {
            return null;
        }

        RemoveFromWindows(id, cohort);
        var level = new SweptLevel(cohort.Side, _tiers[cohort.Tier].Leverage, cohort.LiquidationPrice, cohort.Stored * weights[Slot(cohort.Side, cohort.Tier)]);
        cohort.Stored = 0;
        return level;
    }

    private void RemoveFromWindows(long id, in Cohort cohort)
    {
        for (var w = 0; w < _windows.Length; w++)
        {
            if (id >= _windowStart[w])
            {
                _grid.Add(SeriesOf(w, cohort.Side, cohort.Tier), cohort.Bin, -cohort.Stored);
            }
        }

        _grid.Add(_allSeries, cohort.Bin, -cohort.Stored);
    }

    /// <summary>Moves each window's start past the cohorts opened at or before now - span; the longest window's leavers die.</summary>
    private void ExpireCohorts(long nowTicks)
    {
        for (var w = 0; w < _windows.Length; w++)
        {
            var cutoff = nowTicks - _windows[w].Span.Ticks;
            ref var start = ref _windowStart[w];
            start = Math.Max(start, _firstId);
            while (start < _nextId && CohortAt(start).OpenedTicks <= cutoff)
            {
                ref var cohort = ref CohortAt(start);
                if (cohort.IsLive)
                {
                    _grid.Add(SeriesOf(w, cohort.Side, cohort.Tier), cohort.Bin, -cohort.Stored);
                    if (w == _longest)
                    {
                        _grid.Add(_allSeries, cohort.Bin, -cohort.Stored);
                        cohort.Stored = 0;
                    }
                }

                start++;
            }
        }
    }

    /// <summary>Drops aged-out cohorts from the front once they are half the array, and their heap entries.</summary>
    private void CompactIfWorthIt()
    {
        var dead = _windowStart[_longest] - _firstId;
        var count = _nextId - _firstId;
        if (dead < 4096 || dead * 2 < count)
        {
            return;
        }

        Array.Copy(_cohorts, (int)dead, _cohorts, 0, (int)(count - dead));
        _firstId += dead;
        _longLevels.Retain(IsLive);
        _shortLevels.Retain(IsLive);
    }

    private bool IsLive(long id) => id >= _firstId && CohortAt(id).IsLive;

    /// <summary>Keeps stored values finite: after long decay or many closes, folds each tier's weight into its values.</summary>
    private void RenormalizeIfTiny(long nowTicks)
    {
        var weights = WeightsAt(nowTicks);
        if (!weights.Any(w => w < RenormalizeBelow))
        {
            return;
        }

        for (var w = 0; w < _windows.Length; w++)
        {
            for (var t = 0; t < _tiers.Length; t++)
            {
                _grid.Scale(SeriesOf(w, PositionSide.Long, t), weights[Slot(PositionSide.Long, t)]);
                _grid.Scale(SeriesOf(w, PositionSide.Short, t), weights[Slot(PositionSide.Short, t)]);
            }
        }

        _grid.Scale(_allSeries, weights[0]);
        for (var i = 0; i < _nextId - _firstId; i++)
        {
            _cohorts[i].Stored *= weights[Slot(_cohorts[i].Side, _cohorts[i].Tier)];
        }

        _scale[0] = _scale[1] = 1;
        _epochTicks = nowTicks;
        ForgetWeights();
    }

    private void RecordRealizedFromBar(in Bar bar)
    {
        // Sources that stream individual liquidations (Bybit live) already recorded them as points.
        if (_lastRealizedEventTicks >= bar.OpenTime.UtcTicks)
        {
            return;
        }

        // Bar files know only totals; longs are put at the bar's low and shorts at its high.
        if (bar.LiquidatedLongUsd is { } longUsd && longUsd > 0)
        {
            _realized.Add(new RealizedLiquidation(bar.CloseTime, PositionSide.Long, bar.Low, longUsd));
        }

        if (bar.LiquidatedShortUsd is { } shortUsd && shortUsd > 0)
        {
            _realized.Add(new RealizedLiquidation(bar.CloseTime, PositionSide.Short, bar.High, shortUsd));
        }
    }
}
