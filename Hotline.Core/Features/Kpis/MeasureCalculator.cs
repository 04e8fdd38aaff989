using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Counts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis;

/// <summary>
/// The three rates and the on-time reply rate (docs/kpis.md): one grouped sum over the incrementally maintained
/// <see cref="KpiCount"/> rows of the period's days, so the cost follows days × keys, not orders.
/// </summary>
public sealed class MeasureCalculator(HotlineDbContext db, IOptions<KpiOptions> options)
{
    /// <summary>Figures per key (unit id, district code or category code), only keys with something counted.</summary>
    public async Task<IReadOnlyDictionary<string, MeasureFigures>> ComputeAsync(MeasureDimension dimension, KpiPeriod period, CancellationToken ct)
    {
        var kind = dimension switch
        {
            MeasureDimension.Unit => KpiDimension.Unit,
            MeasureDimension.District => KpiDimension.District,
            _ => KpiDimension.Category,
        };
        var (from, to) = (period.From, period.To);
        var sums = await db.Set<KpiCount>().AsNoTracking()
            .Where(c => c.Dimension == kind && c.Day >= from && c.Day <= to)
            .GroupBy(c => c.Key)
            .Select(g => new KpiCount
            {
                Key = g.Key,
                Dispatched = g.Sum(c => c.Dispatched),
                RespondedOnTime = g.Sum(c => c.RespondedOnTime),
                ResponseLate = g.Sum(c => c.ResponseLate),
                Replied = g.Sum(c => c.Replied),
                RepliedOnTime = g.Sum(c => c.RepliedOnTime),
                ReplyLate = g.Sum(c => c.ReplyLate),
                OverdueOpen = g.Sum(c => c.OverdueOpen),
                Satisfied = g.Sum(c => c.Satisfied),
                BasicallySatisfied = g.Sum(c => c.BasicallySatisfied),
                Dissatisfied = g.Sum(c => c.Dissatisfied),
                Unreachable = g.Sum(c => c.Unreachable),
                Solved = g.Sum(c => c.Solved),
                ResponseExempted = g.Sum(c => c.ResponseExempted),
                ReplyExempted = g.Sum(c => c.ReplyExempted),
                CallbackExempted = g.Sum(c => c.CallbackExempted),
            })
            .ToListAsync(ct);
        return sums
            .Where(c => c.Dispatched > 0 || c.Satisfied + c.BasicallySatisfied + c.Dissatisfied + c.Unreachable + c.CallbackExempted > 0)
            .ToDictionary(c => c.Key, Figures, StringComparer.Ordinal);
    }

    /// <summary>The figures per accountable (lead) unit, best score first (no score last).</summary>
    public async Task<IReadOnlyList<UnitMeasuresDto>> UnitsAsync(KpiPeriod period, CancellationToken ct)
    {
        var figures = await ComputeAsync(MeasureDimension.Unit, period, ct);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, ct);
        return figures
            .Select(f => KpiMapping.Copy(f.Value, new UnitMeasuresDto { UnitId = Guid.Parse(f.Key), UnitName = names.GetValueOrDefault(f.Key, f.Key) }))
            .OrderByDescending(u => u.Score ?? -1)
            .ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The figures per district or category of the order, most dispatched first.</summary>
    public async Task<IReadOnlyList<GroupMeasuresDto>> GroupsAsync(MeasureDimension dimension, KpiPeriod period, CancellationToken ct)
    {
        var figures = await ComputeAsync(dimension, period, ct);
        var names = dimension == MeasureDimension.District
            ? await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct)
            : await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        return figures
            .Select(f => KpiMapping.Copy(f.Value, new GroupMeasuresDto { Code = f.Key, Name = names.GetValueOrDefault(f.Key, f.Key) }))
            .OrderByDescending(g => g.Dispatched)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The units with a score, best first; equal scores share a rank.</summary>
    public async Task<IReadOnlyList<RankingEntryDto>> RankingAsync(KpiPeriod period, CancellationToken ct)
    {
        var units = await UnitsAsync(period, ct);
        var scored = units.Where(u => u.Score is not null).OrderByDescending(u => u.Score).ThenBy(u => u.UnitName, StringComparer.Ordinal).ToList();
        var ranking = new List<RankingEntryDto>(scored.Count);
        for (var i = 0; i < scored.Count; i++)
        {
            var u = scored[i];
            var rank = i > 0 && scored[i - 1].Score == u.Score ? ranking[i - 1].Rank : i + 1;
            ranking.Add(new RankingEntryDto(rank, u.UnitId, u.UnitName, u.Score!.Value, u.ResponseRate, u.ResolutionRate, u.SatisfactionRate, u.OnTimeReplyRate, u.Dispatched, u.Callbacks));
        }

        return ranking;
    }

    /// <summary>The composite score 0–100: the weighted mean of the rates that could be computed.</summary>
    public static double? Score(double? response, double? resolution, double? satisfaction, double? onTimeReply, ScoreWeights w)
    {
        (double? Rate, double Weight)[] parts = [(response, w.Response), (resolution, w.Resolution), (satisfaction, w.Satisfaction), (onTimeReply, w.OnTimeReply)];
        var counted = parts.Where(p => p.Rate is not null && p.Weight > 0).ToList();
        var weight = counted.Sum(p => p.Weight);
        return weight <= 0 ? null : Math.Round(100 * counted.Sum(p => p.Rate!.Value * p.Weight) / weight, 2);
    }

    private MeasureFigures Figures(KpiCount c)
    {
        var o = options.Value;
        var response = MeasureParts.Of(KpiMeasure.Response, c);
        var resolution = MeasureParts.Of(KpiMeasure.Resolution, c);
        var valid = MeasureParts.Of(KpiMeasure.Satisfaction, c).All;
        var onTimeReply = MeasureParts.Of(KpiMeasure.OnTimeReply, c);
        var responseRate = Rate(response.Met!.Value, response.All);
        var resolutionRate = Rate(resolution.Met!.Value, resolution.All);
        var satisfactionRate = Rate(c.Satisfied + (c.BasicallySatisfied * o.BasicallySatisfiedWeight), valid);
        var onTimeReplyRate = Rate(onTimeReply.Met!.Value, onTimeReply.All);
        return new MeasureFigures
        {
            Dispatched = c.Dispatched,
            RespondedOnTime = c.RespondedOnTime,
            ResponseLate = c.ResponseLate,
            ResponseRate = responseRate,
            Callbacks = valid,
            Solved = c.Solved,
            ResolutionRate = resolutionRate,
            Satisfied = c.Satisfied,
            BasicallySatisfied = c.BasicallySatisfied,
            Dissatisfied = c.Dissatisfied,
            Unreachable = c.Unreachable,
            SatisfactionRate = satisfactionRate,
            Replied = c.Replied,
            RepliedOnTime = c.RepliedOnTime,
            ReplyLate = c.ReplyLate,
            OverdueOpen = c.OverdueOpen,
            OnTimeReplyRate = onTimeReplyRate,
            Score = Score(responseRate, resolutionRate, satisfactionRate, onTimeReplyRate, o.Weights),
            Exempted = new ExemptedCounts(c.ResponseExempted, c.CallbackExempted, c.CallbackExempted, c.ReplyExempted),
        };
    }

    private static double? Rate(double numerator, int denominator) =>
        denominator == 0 ? null : Math.Round(numerator / denominator, 4);
}
