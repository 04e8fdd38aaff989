namespace Hotline.Contracts.Kpis;

/// <summary>
/// The figures of one unit, district or category over a period (docs/kpis.md has the exact definitions).
/// Rates are 0–1, or null when nothing was counted for them.
/// </summary>
public class MeasureFigures
{
    /// <summary>Orders first dispatched in the period (duplicates and invalid orders excluded).</summary>
    public int Dispatched { get; init; }

    /// <summary>Of those: signed for and the citizen contacted, both on time in every round.</summary>
    public int RespondedOnTime { get; init; }

    /// <summary>Of those: signing or contact late (done late, or still not done after the deadline).</summary>
    public int ResponseLate { get; init; }

    /// <summary>respondedOnTime ÷ (respondedOnTime + responseLate).</summary>
    public double? ResponseRate { get; init; }

    /// <summary>Valid callbacks recorded in the period (unreachable excluded); an order counts once, with its latest result.</summary>
    public int Callbacks { get; init; }

    public int Solved { get; init; }

    /// <summary>solved ÷ callbacks.</summary>
    public double? ResolutionRate { get; init; }

    public int Satisfied { get; init; }

    public int BasicallySatisfied { get; init; }

    public int Dissatisfied { get; init; }

    /// <summary>Callbacks that reached nobody: shown, never counted in a rate.</summary>
    public int Unreachable { get; init; }

    /// <summary>(satisfied + basicallySatisfied × Kpis:BasicallySatisfiedWeight) ÷ callbacks.</summary>
    public double? SatisfactionRate { get; init; }

    /// <summary>Orders of the period with a reply in their current round.</summary>
    public int Replied { get; init; }

    public int RepliedOnTime { get; init; }

    /// <summary>Replied late, replied on time after an earlier late round, or still not replied after the deadline.</summary>
    public int ReplyLate { get; init; }

    /// <summary>Still open, not replied and past the reply deadline now.</summary>
    public int OverdueOpen { get; init; }

    /// <summary>repliedOnTime ÷ (repliedOnTime + replyLate): late open orders count against it.</summary>
    public double? OnTimeReplyRate { get; init; }

    /// <summary>The composite score 0–100 (weights in Kpis:Weights), or null when no rate could be computed.</summary>
    public double? Score { get; init; }

    /// <summary>Verdicts an upheld appeal (申诉) took out of each rate: in neither its numerator nor its denominator.</summary>
    public ExemptedCounts Exempted { get; init; } = new(0, 0, 0, 0);
}

/// <summary>
/// Per measure, what upheld appeals exempted: late responses (<c>response</c>), valid callbacks (<c>resolution</c> and
/// <c>satisfaction</c>, the same callbacks) and late replies (<c>onTimeReply</c>).
/// </summary>
public sealed record ExemptedCounts(int Response, int Resolution, int Satisfaction, int OnTimeReply);

/// <summary>One row of <c>GET /api/kpis/units</c>.</summary>
public sealed class UnitMeasuresDto : MeasureFigures
{
    public Guid UnitId { get; init; }

    public string UnitName { get; init; } = string.Empty;
}

/// <summary>One row of <c>GET /api/kpis/districts</c> or <c>GET /api/kpis/categories</c>.</summary>
public sealed class GroupMeasuresDto : MeasureFigures
{
    public string Code { get; init; } = string.Empty;

    public string Name { get; init; } = string.Empty;
}

/// <summary>One line of the ranking: units with a score, best first; equal scores share a rank.</summary>
public sealed record RankingEntryDto(
    int Rank,
    Guid UnitId,
    string UnitName,
    double Score,
    double? ResponseRate,
    double? ResolutionRate,
    double? SatisfactionRate,
    double? OnTimeReplyRate,
    int Dispatched,
    int Callbacks);

public enum VolumeInterval { Day, Week, Month }

public enum VolumeDimension { Channel, Type, Category, District }

/// <summary>Orders registered per bucket (China time), split by one dimension, with return, extension and rework counts.</summary>
public sealed record VolumeReportDto(
    DateOnly From,
    DateOnly To,
    VolumeInterval Interval,
    VolumeDimension Dimension,
    IReadOnlyList<DateOnly> Buckets,
    IReadOnlyList<VolumeSeriesDto> Series,
    IReadOnlyList<int> Total,
    IReadOnlyList<int> Returns,
    IReadOnlyList<int> Extensions,
    IReadOnlyList<int> Reworks);

/// <summary>One line of a volume chart: counts per bucket, in the order of <see cref="VolumeReportDto.Buckets"/>.</summary>
public sealed record VolumeSeriesDto(string Key, string Name, IReadOnlyList<int> Counts, int Total);

/// <summary>The same category in the same street rising this week against the previous weeks.</summary>
public sealed record HotSpotReportDto(
    DateOnly WeekStart,
    DateOnly WeekEnd,
    int PreviousWeeks,
    int MinCount,
    double MinRatio,
    IReadOnlyList<HotSpotDto> Items);

public sealed record HotSpotDto(
    string DistrictCode,
    string DistrictName,
    string StreetCode,
    string StreetName,
    string CategoryCode,
    string CategoryName,
    int ThisWeek,
    IReadOnlyList<int> PreviousWeeks,
    double PreviousMean,
    double? Ratio,
    IReadOnlyList<HotSpotOrderDto> Orders);

public sealed record HotSpotOrderDto(Guid Id, string Number, TicketStatus Status, TicketType Type, DateTimeOffset CreatedAt, string? Address);

/// <summary>The tables that <c>GET /api/kpis/export/{table}</c> writes as CSV or XLSX.</summary>
public enum KpiTable { Units, Districts, Categories, Ranking, Volumes, HotSpots }

public enum ExportFormat { Csv, Xlsx }
