namespace Hotline.Core.Features.Kpis;

/// <summary>Section <c>Kpis:HonorRoll</c>: who is on the monthly 红榜 and 黄榜 (docs/kpis.md, "The monthly 红黄榜").</summary>
public sealed class HonorRollOptions
{
    /// <summary>Units with fewer orders first dispatched in the month are not listed (too few to judge).</summary>
    public int MinDispatched { get; set; } = 5;

    /// <summary>红榜: at most this many of the best scores (ties at the last place all listed)…</summary>
    public int RedCount { get; set; } = 5;

    /// <summary>…and only with a score of at least this.</summary>
    public double RedMinScore { get; set; } = 90;

    /// <summary>黄榜: every unit scoring below this…</summary>
    public double YellowBelowScore { get; set; } = 80;

    /// <summary>…and the units of the last this-many ranks, whatever their score (0: the threshold alone).</summary>
    public int YellowBottomCount { get; set; } = 3;

    /// <summary>Up to this day of a month, the page opens on the month before (the last complete one); later, on the current month.</summary>
    public int PreviousMonthUntilDay { get; set; } = 10;
}
