namespace Hotline.Core.Features.Kpis.Counts;

/// <summary>
/// Incrementally maintained measures (docs/kpis.md): each saved change of an order adds a row holding the change
/// of its contribution (new minus old) per day and key, in the same transaction; <see cref="CompactKpiCounts.CompactKpiCounts"/>
/// folds rows of the same day and key into one. Every figure is a sum over a period, so rows only ever add up.
/// </summary>
public sealed class KpiCount
{
    public const int MaxKeyLength = 100;

    public long Id { get; set; }

    /// <summary>
    /// The China day: first dispatch (stage counters), callback (callback counters) or registration (volumes); for hot
    /// spots (<see cref="KpiDimension.StreetCategory"/>) the Monday of the registration's week.
    /// </summary>
    public DateOnly Day { get; set; }

    public KpiDimension Dimension { get; set; }

    /// <summary>Unit id, district code, category code, channel, type, or "district|street|category".</summary>
    public string Key { get; set; } = string.Empty;

    public int Registered { get; set; }

    public int HotSpot { get; set; }

    public int Dispatched { get; set; }

    public int RespondedOnTime { get; set; }

    public int ResponseLate { get; set; }

    public int Replied { get; set; }

    public int RepliedOnTime { get; set; }

    public int ReplyLate { get; set; }

    public int OverdueOpen { get; set; }

    public int Satisfied { get; set; }

    public int BasicallySatisfied { get; set; }

    public int Dissatisfied { get; set; }

    public int Unreachable { get; set; }

    public int Solved { get; set; }

    /// <summary>Late responses an upheld appeal exempted: in no response rate.</summary>
    public int ResponseExempted { get; set; }

    /// <summary>Late replies an upheld appeal exempted: in no on-time reply rate.</summary>
    public int ReplyExempted { get; set; }

    /// <summary>Valid callbacks an upheld appeal exempted: in no resolution or satisfaction rate.</summary>
    public int CallbackExempted { get; set; }

    public bool IsZero =>
        Registered == 0 && HotSpot == 0 && Dispatched == 0 && RespondedOnTime == 0 && ResponseLate == 0 && Replied == 0
        && RepliedOnTime == 0 && ReplyLate == 0 && OverdueOpen == 0 && Satisfied == 0 && BasicallySatisfied == 0
        && Dissatisfied == 0 && Unreachable == 0 && Solved == 0 && ResponseExempted == 0 && ReplyExempted == 0 && CallbackExempted == 0;

    /// <summary>Adds <paramref name="other"/> × <paramref name="sign"/> to this row's counters.</summary>
    public void Add(KpiCount other, int sign)
    {
        Registered += sign * other.Registered;
        HotSpot += sign * other.HotSpot;
        Dispatched += sign * other.Dispatched;
        RespondedOnTime += sign * other.RespondedOnTime;
        ResponseLate += sign * other.ResponseLate;
        Replied += sign * other.Replied;
        RepliedOnTime += sign * other.RepliedOnTime;
        ReplyLate += sign * other.ReplyLate;
        OverdueOpen += sign * other.OverdueOpen;
        Satisfied += sign * other.Satisfied;
        BasicallySatisfied += sign * other.BasicallySatisfied;
        Dissatisfied += sign * other.Dissatisfied;
        Unreachable += sign * other.Unreachable;
        Solved += sign * other.Solved;
        ResponseExempted += sign * other.ResponseExempted;
        ReplyExempted += sign * other.ReplyExempted;
        CallbackExempted += sign * other.CallbackExempted;
    }
}
