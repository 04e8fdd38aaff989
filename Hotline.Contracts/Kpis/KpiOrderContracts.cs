using Hotline.Contracts.Tickets;

namespace Hotline.Contracts.Kpis;

/// <summary>
/// The figure a drill-down (<c>GET /api/kpis/orders</c>) lists the orders of (docs/kpis.md, "Drill-down"):
/// a rate (its denominator, numerator or the missed part), a count of the measures page, a volume or a hot spot.
/// </summary>
public enum KpiMeasure
{
    /// <summary>派单量: orders first dispatched in the period.</summary>
    Dispatched,

    /// <summary>响应率: met = respondedOnTime, missed = responseLate.</summary>
    Response,

    /// <summary>解决率 over the valid callbacks: met = solved.</summary>
    Resolution,

    /// <summary>满意率 over the valid callbacks: met = satisfied or basically satisfied, missed = dissatisfied.</summary>
    Satisfaction,

    /// <summary>按时答复率: met = repliedOnTime, missed = replyLate.</summary>
    OnTimeReply,

    /// <summary>超期未答复.</summary>
    OverdueOpen,

    /// <summary>回访联系不上 (in no rate).</summary>
    Unreachable,

    /// <summary>Orders registered (the volumes).</summary>
    Registered,

    /// <summary>The orders of a (street, category) pair in a week (hot spots).</summary>
    HotSpot,

    /// <summary>退单申请 (one row per request).</summary>
    Returns,

    /// <summary>延期申请 (one row per request).</summary>
    Extensions,

    /// <summary>重办 (one row per rework).</summary>
    Reworks,
}

/// <summary>Which part of a rate's denominator: all of it, the orders that met it, those that did not, or those an upheld appeal exempted.</summary>
public enum KpiOutcome { All, Met, Missed, Exempted }

/// <summary>
/// One order behind a figure: the order list's row, whether it met the measure (null for a plain count) and the instant
/// that put it in the period (first dispatch, callback, registration, or the request).
/// </summary>
public sealed record KpiOrderRowDto(TicketListItemDto Order, bool? Met, DateTimeOffset At);

/// <summary>
/// A page of the orders behind a figure. <c>total</c> is the rows matching <c>outcome</c> (the figure itself); <c>all</c>,
/// <c>met</c>, <c>missed</c> and <c>exempted</c> are the parts of the measure with the same filters (met + missed = all),
/// met, missed and exempted null for a plain count.
/// </summary>
public sealed record KpiOrdersDto(
    KpiMeasure Measure,
    KpiOutcome Outcome,
    DateOnly From,
    DateOnly To,
    IReadOnlyList<KpiOrderRowDto> Items,
    int Total,
    int All,
    int? Met,
    int? Missed,
    int? Exempted);

/// <summary>
/// The monthly 红黄榜 (<c>GET /api/kpis/honor-roll?month=yyyy-MM</c>): the month's China-date range, a title fit to publish,
/// the 红榜 (best) and 黄榜 (below the threshold or at the bottom) with their ranks in the whole ranking, and the rule applied.
/// </summary>
public sealed record HonorRollDto(
    string Month,
    DateOnly From,
    DateOnly To,
    bool Complete,
    string Title,
    int Ranked,
    IReadOnlyList<RankingEntryDto> Red,
    IReadOnlyList<RankingEntryDto> Yellow,
    HonorRollRuleDto Rule);

public sealed record HonorRollRuleDto(int MinDispatched, int RedCount, double RedMinScore, double YellowBelowScore, int YellowBottomCount, double ResponseWeight, double ResolutionWeight, double SatisfactionWeight, double OnTimeReplyWeight);
