using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis.Counts;

namespace Hotline.Core.Features.Kpis;

/// <summary>
/// The parts of a measure in summed <see cref="KpiCount"/> counters: its denominator (<see cref="All"/>), the part that
/// met it, the part that missed it (met + missed = all) and the part an upheld appeal exempted (in neither). The rates
/// (<see cref="MeasureCalculator"/>) and the drill-down (<see cref="KpiOrderFinder"/>) both read them from here.
/// </summary>
public readonly record struct MeasureParts(int All, int? Met, int? Missed, int? Exempted)
{
    /// <summary>Whether <paramref name="measure"/> has met, missed and exempted parts (a rate) or is a plain count.</summary>
    public static bool IsRate(KpiMeasure measure) =>
        measure is KpiMeasure.Response or KpiMeasure.Resolution or KpiMeasure.Satisfaction or KpiMeasure.OnTimeReply;

    public static MeasureParts Of(KpiMeasure measure, KpiCount c)
    {
        var valid = c.Satisfied + c.BasicallySatisfied + c.Dissatisfied;
        return measure switch
        {
            KpiMeasure.Response => new(c.RespondedOnTime + c.ResponseLate, c.RespondedOnTime, c.ResponseLate, c.ResponseExempted),
            KpiMeasure.OnTimeReply => new(c.RepliedOnTime + c.ReplyLate, c.RepliedOnTime, c.ReplyLate, c.ReplyExempted),
            KpiMeasure.Resolution => new(valid, c.Solved, valid - c.Solved, c.CallbackExempted),
            KpiMeasure.Satisfaction => new(valid, c.Satisfied + c.BasicallySatisfied, c.Dissatisfied, c.CallbackExempted),
            KpiMeasure.Dispatched => new(c.Dispatched, null, null, null),
            KpiMeasure.OverdueOpen => new(c.OverdueOpen, null, null, null),
            KpiMeasure.Unreachable => new(c.Unreachable, null, null, null),
            KpiMeasure.Registered => new(c.Registered, null, null, null),
            KpiMeasure.HotSpot => new(c.HotSpot, null, null, null),
            _ => throw new ArgumentOutOfRangeException(nameof(measure), measure, "A timeline measure has no counters."),
        };
    }
}
