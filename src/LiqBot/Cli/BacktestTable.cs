using System.Globalization;
using LiqBot.Engine.Backtest;

namespace LiqBot.Cli;

/// <summary>The backtest report as a text table: one row per window and side, scores beside their controls.</summary>
internal static class BacktestTable
{
    public static string Text(BacktestReport report)
    {
        var lines = new List<string>
        {
            $"Bars scored: {report.Bars}; split at {report.Split:yyyy-MM-ddTHH:mmZ}; 95 % intervals from {report.BootstrapDraws} day-block bootstrap draws (seed {report.Seed}); OI null: the real series and {report.ShiftedCopies - 1} circular shifts.",
            Invariant($"{"sample",-14} {"side",-5} {"bars",5} {"days",4} {"spearman",8} {"baseline",8} {"partial",7} {"95 % CI",15} {"+breakout",9} {"95 % CI",15} {"OI rank",7} {"p",5} {"dist-only",9} {"+breakout",9} {"zones",5} {"touched",7} {"bands",5}"),
        };
        lines.AddRange(Rows("in-sample", report.InSample, $"no scored bars before {report.Split:yyyy-MM-ddTHH:mmZ}"));
        lines.AddRange(Rows("out-of-sample", report.OutOfSample, $"no scored bars at or after {report.Split:yyyy-MM-ddTHH:mmZ}"));
        lines.Add("partial: given the move; +breakout: given the move and a breakout of the previous bars' range; OI rank: the real OI series among its shifts on the partial, p = rank / copies;");
        lines.Add("dist-only: partial of the tier template at the previous close (no history); zones: top zones at each day's open, share touched within 24 h, and the share of equal bands at the same distance.");
        return string.Join(Environment.NewLine, lines) + Environment.NewLine;
    }

    private static IEnumerable<string> Rows(string window, SampleScore? sample, string whenEmpty)
    {
        if (sample is null)
        {
            yield return $"{window,-14} {whenEmpty}";
            yield break;
        }

        yield return Row(window, "long", sample, sample.Long);
        yield return Row(window, "short", sample, sample.Short);
    }

    private static string Row(string window, string side, SampleScore sample, SideScore s) =>
        Invariant($"{window,-14} {side,-5} {sample.Bars,5} {sample.Days,4} {s.Spearman,8:0.000} {s.BaselineSpearman,8:0.000} {s.PartialSpearman,7:0.000} {Ci(s.PartialCi),15} {s.BreakoutPartial,9:0.000} {Ci(s.BreakoutPartialCi),15} {$"{s.ShiftedOi.Rank}/{s.ShiftedOi.Copies}",7} {s.ShiftedOi.P,5:0.00} {s.DistanceOnly.PartialSpearman,9:0.000} {s.DistanceOnly.BreakoutPartial,9:0.000} {s.Zones.Zones,5} {Percent(s.Zones.TouchRate),7} {Percent(s.Zones.BandTouchRate),5}");

    private static string Ci(Interval interval) => Invariant($"[{interval.Low:0.000}, {interval.High:0.000}]");

    private static string Percent(double share) => double.IsNaN(share) ? "-" : Invariant($"{share * 100:0} %");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
