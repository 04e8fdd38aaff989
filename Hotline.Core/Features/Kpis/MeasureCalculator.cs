using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Core.Domain.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis;

/// <summary>What the measures are grouped by: the accountable (lead) unit, the order's district or its category.</summary>
public enum MeasureDimension { Unit, District, Category }

/// <summary>
/// The three rates and the on-time reply rate (docs/kpis.md), computed in the database: two grouped queries per
/// request, one over the orders first dispatched in the period and one over the callbacks recorded in it.
/// </summary>
public sealed class MeasureCalculator(HotlineDbContext db, TimeProvider time, IOptions<KpiOptions> options)
{
    /// <summary>Figures per key (unit id as text, district code or category code), only keys with something counted.</summary>
    public async Task<IReadOnlyDictionary<string, MeasureFigures>> ComputeAsync(MeasureDimension dimension, KpiPeriod period, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (from, to) = (period.FromUtc, period.ToUtc);

        var dispatched = db.Tickets.AsNoTracking()
            .Where(t => t.FirstDispatchedAt >= from && t.FirstDispatchedAt < to && t.LeadUnitId != null)
            .Where(t => t.CloseReason == null || (t.CloseReason != CloseReason.Duplicate && t.CloseReason != CloseReason.Invalid))
            .Select(t => new StageRow
            {
                Unit = t.LeadUnitId!.Value,
                District = t.Location.DistrictCode,
                Category = t.CategoryCode,
                RespondedOnTime = !t.PriorResponseLate
                    && t.AcceptedAt != null && t.AcceptedAt <= t.AcceptDueAt
                    && ((t.ContactedAt != null && t.ContactedAt <= t.ContactDueAt) || (t.ContactedAt == null && t.RepliedAt != null && t.RepliedAt <= t.ContactDueAt)),
                ResponseLate = t.PriorResponseLate
                    || (t.AcceptedAt != null && t.AcceptedAt > t.AcceptDueAt)
                    || (t.AcceptedAt == null && t.Status != TicketStatus.Closed && t.AcceptDueAt < now)
                    || (t.AcceptedAt == null && t.Status == TicketStatus.Closed && t.ClosedAt > t.AcceptDueAt)
                    || (t.ContactedAt != null && t.ContactedAt > t.ContactDueAt)
                    || (t.ContactedAt == null && t.RepliedAt != null && t.RepliedAt > t.ContactDueAt)
                    || (t.ContactedAt == null && t.RepliedAt == null && t.Status != TicketStatus.Closed && t.ContactDueAt < now)
                    || (t.ContactedAt == null && t.RepliedAt == null && t.Status == TicketStatus.Closed && t.ClosedAt > t.ContactDueAt),
                Replied = t.RepliedAt != null,
                RepliedOnTime = !t.PriorReplyLate && t.RepliedAt != null && t.RepliedAt <= t.ReplyDueAt,
                ReplyLate = t.PriorReplyLate
                    || (t.RepliedAt != null && t.RepliedAt > t.ReplyDueAt)
                    || (t.RepliedAt == null && t.Status != TicketStatus.Closed && t.ReplyDueAt < now)
                    || (t.RepliedAt == null && t.Status == TicketStatus.Closed && t.ClosedAt > t.ReplyDueAt),
                OverdueOpen = t.RepliedAt == null && t.Status != TicketStatus.Closed && t.ReplyDueAt < now,
            });

        var callbacks = db.Tickets.AsNoTracking()
            .Where(t => t.CallbackAt >= from && t.CallbackAt < to && t.CallbackOutcome != null && t.LeadUnitId != null)
            .Where(t => t.CloseReason == null || (t.CloseReason != CloseReason.Duplicate && t.CloseReason != CloseReason.Invalid))
            .Select(t => new CallbackRow
            {
                Unit = t.LeadUnitId!.Value,
                District = t.Location.DistrictCode,
                Category = t.CategoryCode,
                Outcome = t.CallbackOutcome!.Value,
                Solved = t.CallbackSolved == true,
            });

        var stageByKey = dimension switch
        {
            MeasureDimension.Unit => Keyed<StageCounts>(await Aggregate(dispatched.GroupBy(r => r.Unit)).ToListAsync(ct)),
            MeasureDimension.District => Keyed<StageCounts>(await Aggregate(dispatched.GroupBy(r => r.District)).ToListAsync(ct)),
            _ => Keyed<StageCounts>(await Aggregate(dispatched.GroupBy(r => r.Category)).ToListAsync(ct)),
        };
        var heardByKey = dimension switch
        {
            MeasureDimension.Unit => Keyed<CallbackCounts>(await Aggregate(callbacks.GroupBy(r => r.Unit)).ToListAsync(ct)),
            MeasureDimension.District => Keyed<CallbackCounts>(await Aggregate(callbacks.GroupBy(r => r.District)).ToListAsync(ct)),
            _ => Keyed<CallbackCounts>(await Aggregate(callbacks.GroupBy(r => r.Category)).ToListAsync(ct)),
        };

        var result = new Dictionary<string, MeasureFigures>(StringComparer.Ordinal);
        foreach (var key in stageByKey.Keys.Union(heardByKey.Keys))
        {
            result[key] = Figures(stageByKey.GetValueOrDefault(key), heardByKey.GetValueOrDefault(key));
        }

        return result;
    }

    /// <summary>The composite score 0–100: the weighted mean of the rates that could be computed.</summary>
    public static double? Score(double? response, double? resolution, double? satisfaction, double? onTimeReply, ScoreWeights w)
    {
        (double? Rate, double Weight)[] parts = [(response, w.Response), (resolution, w.Resolution), (satisfaction, w.Satisfaction), (onTimeReply, w.OnTimeReply)];
        var counted = parts.Where(p => p.Rate is not null && p.Weight > 0).ToList();
        var weight = counted.Sum(p => p.Weight);
        return weight <= 0 ? null : Math.Round(100 * counted.Sum(p => p.Rate!.Value * p.Weight) / weight, 2);
    }

    private MeasureFigures Figures(StageCounts? s, CallbackCounts? c)
    {
        var o = options.Value;
        var valid = c is null ? 0 : c.Satisfied + c.BasicallySatisfied + c.Dissatisfied;
        var onTime = s?.RespondedOnTime ?? 0;
        var responseRate = Rate(onTime, onTime + (s?.ResponseLate ?? 0));
        var resolutionRate = Rate(c?.Solved ?? 0, valid);
        var satisfactionRate = Rate((c?.Satisfied ?? 0) + ((c?.BasicallySatisfied ?? 0) * o.BasicallySatisfiedWeight), valid);
        var repliedOnTime = s?.RepliedOnTime ?? 0;
        var onTimeReplyRate = Rate(repliedOnTime, repliedOnTime + (s?.ReplyLate ?? 0));
        return new MeasureFigures
        {
            Dispatched = s?.Dispatched ?? 0,
            RespondedOnTime = onTime,
            ResponseLate = s?.ResponseLate ?? 0,
            ResponseRate = responseRate,
            Callbacks = valid,
            Solved = c?.Solved ?? 0,
            ResolutionRate = resolutionRate,
            Satisfied = c?.Satisfied ?? 0,
            BasicallySatisfied = c?.BasicallySatisfied ?? 0,
            Dissatisfied = c?.Dissatisfied ?? 0,
            Unreachable = c?.Unreachable ?? 0,
            SatisfactionRate = satisfactionRate,
            Replied = s?.Replied ?? 0,
            RepliedOnTime = repliedOnTime,
            ReplyLate = s?.ReplyLate ?? 0,
            OverdueOpen = s?.OverdueOpen ?? 0,
            OnTimeReplyRate = onTimeReplyRate,
            Score = Score(responseRate, resolutionRate, satisfactionRate, onTimeReplyRate, o.Weights),
        };
    }

    private static double? Rate(double numerator, int denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, 4);

    private static IQueryable<StageCounts<TKey>> Aggregate<TKey>(IQueryable<IGrouping<TKey, StageRow>> groups) =>
        groups.Select(g => new StageCounts<TKey>
        {
            Key = g.Key,
            Dispatched = g.Count(),
            RespondedOnTime = g.Sum(r => r.RespondedOnTime ? 1 : 0),
            ResponseLate = g.Sum(r => r.ResponseLate ? 1 : 0),
            Replied = g.Sum(r => r.Replied ? 1 : 0),
            RepliedOnTime = g.Sum(r => r.RepliedOnTime ? 1 : 0),
            ReplyLate = g.Sum(r => r.ReplyLate ? 1 : 0),
            OverdueOpen = g.Sum(r => r.OverdueOpen ? 1 : 0),
        });

    private static IQueryable<CallbackCounts<TKey>> Aggregate<TKey>(IQueryable<IGrouping<TKey, CallbackRow>> groups) =>
        groups.Select(g => new CallbackCounts<TKey>
        {
            Key = g.Key,
            Satisfied = g.Sum(r => r.Outcome == CallbackOutcome.Satisfied ? 1 : 0),
            BasicallySatisfied = g.Sum(r => r.Outcome == CallbackOutcome.BasicallySatisfied ? 1 : 0),
            Dissatisfied = g.Sum(r => r.Outcome == CallbackOutcome.Dissatisfied ? 1 : 0),
            Unreachable = g.Sum(r => r.Outcome == CallbackOutcome.Unreachable ? 1 : 0),
            Solved = g.Sum(r => r.Outcome != CallbackOutcome.Unreachable && r.Solved ? 1 : 0),
        });

    private static Dictionary<string, T> Keyed<T>(IEnumerable<T> counts)
        where T : IKeyed => counts.ToDictionary(c => c.KeyText, StringComparer.Ordinal);

    private interface IKeyed
    {
        string KeyText { get; }
    }

    private sealed class StageRow
    {
        public Guid Unit { get; init; }

        public string District { get; init; } = string.Empty;

        public string Category { get; init; } = string.Empty;

        public bool RespondedOnTime { get; init; }

        public bool ResponseLate { get; init; }

        public bool Replied { get; init; }

        public bool RepliedOnTime { get; init; }

        public bool ReplyLate { get; init; }

        public bool OverdueOpen { get; init; }
    }

    private sealed class CallbackRow
    {
        public Guid Unit { get; init; }

        public string District { get; init; } = string.Empty;

        public string Category { get; init; } = string.Empty;

        public CallbackOutcome Outcome { get; init; }

        public bool Solved { get; init; }
    }

    private sealed class StageCounts<TKey> : StageCounts
    {
        public TKey Key { get; init; } = default!;

        public override string KeyText => Key!.ToString()!;
    }

    private abstract class StageCounts : IKeyed
    {
        public abstract string KeyText { get; }

        public int Dispatched { get; init; }

        public int RespondedOnTime { get; init; }

        public int ResponseLate { get; init; }

        public int Replied { get; init; }

        public int RepliedOnTime { get; init; }

        public int ReplyLate { get; init; }

        public int OverdueOpen { get; init; }
    }

    private sealed class CallbackCounts<TKey> : CallbackCounts
    {
        public TKey Key { get; init; } = default!;

        public override string KeyText => Key!.ToString()!;
    }

    private abstract class CallbackCounts : IKeyed
    {
        public abstract string KeyText { get; }

        public int Satisfied { get; init; }

        public int BasicallySatisfied { get; init; }

        public int Dissatisfied { get; init; }

        public int Unreachable { get; init; }

        public int Solved { get; init; }
    }
}
