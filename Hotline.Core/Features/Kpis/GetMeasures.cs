using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis;

/// <summary><c>GET /api/kpis/units</c>: the three rates per accountable (lead) unit, best score first.</summary>
public sealed record GetUnitMeasures(DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<UnitMeasuresDto>>, IPeriodRequest;

/// <summary><c>GET /api/kpis/districts</c> and <c>/categories</c>: the same figures by the order's district or category.</summary>
public sealed record GetGroupMeasures(MeasureDimension Dimension, DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<GroupMeasuresDto>>, IPeriodRequest;

/// <summary><c>GET /api/kpis/ranking</c>: units with a score, best first; equal scores share a rank.</summary>
public sealed record GetRanking(DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<RankingEntryDto>>, IPeriodRequest;

public sealed class GetUnitMeasuresValidator : AbstractValidator<GetUnitMeasures>
{
    public GetUnitMeasuresValidator(IOptions<KpiOptions> options) => this.AddPeriodRules(options.Value);
}

public sealed class GetGroupMeasuresValidator : AbstractValidator<GetGroupMeasures>
{
    public GetGroupMeasuresValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.Dimension).Must(d => d is MeasureDimension.District or MeasureDimension.Category);
    }
}

public sealed class GetRankingValidator : AbstractValidator<GetRanking>
{
    public GetRankingValidator(IOptions<KpiOptions> options) => this.AddPeriodRules(options.Value);
}

public sealed class GetUnitMeasuresHandler(HotlineDbContext db, MeasureCalculator calculator, TimeProvider time)
    : IRequestHandler<GetUnitMeasures, IReadOnlyList<UnitMeasuresDto>>
{
    public async Task<IReadOnlyList<UnitMeasuresDto>> Handle(GetUnitMeasures request, CancellationToken cancellationToken)
    {
        var figures = await calculator.ComputeAsync(MeasureDimension.Unit, KpiPeriod.Resolve(request.From, request.To, time), cancellationToken);
        var names = await db.Units.AsNoTracking().ToDictionaryAsync(u => u.Id.ToString(), u => u.Name, cancellationToken);
        return figures
            .Select(f => KpiMapping.Copy(f.Value, new UnitMeasuresDto { UnitId = Guid.Parse(f.Key), UnitName = names.GetValueOrDefault(f.Key, f.Key) }))
            .OrderByDescending(u => u.Score ?? -1)
            .ThenBy(u => u.UnitName, StringComparer.Ordinal)
            .ToList();
    }
}

public sealed class GetGroupMeasuresHandler(HotlineDbContext db, MeasureCalculator calculator, TimeProvider time)
    : IRequestHandler<GetGroupMeasures, IReadOnlyList<GroupMeasuresDto>>
{
    public async Task<IReadOnlyList<GroupMeasuresDto>> Handle(GetGroupMeasures request, CancellationToken cancellationToken)
    {
        var figures = await calculator.ComputeAsync(request.Dimension, KpiPeriod.Resolve(request.From, request.To, time), cancellationToken);
        var names = request.Dimension == MeasureDimension.District
            ? await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken)
            : await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        return figures
            .Select(f => KpiMapping.Copy(f.Value, new GroupMeasuresDto { Code = f.Key, Name = names.GetValueOrDefault(f.Key, f.Key) }))
            .OrderByDescending(g => g.Dispatched)
            .ThenBy(g => g.Code, StringComparer.Ordinal)
            .ToList();
    }
}

public sealed class GetRankingHandler(IMediator mediator) : IRequestHandler<GetRanking, IReadOnlyList<RankingEntryDto>>
{
    public async Task<IReadOnlyList<RankingEntryDto>> Handle(GetRanking request, CancellationToken cancellationToken)
    {
        var units = await mediator.Send(new GetUnitMeasures(request.From, request.To), cancellationToken);
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
}

internal static class KpiMapping
{
    public static T Copy<T>(MeasureFigures from, T to)
        where T : MeasureFigures
    {
        foreach (var property in typeof(MeasureFigures).GetProperties())
        {
            property.SetValue(to, property.GetValue(from));
        }

        return to;
    }
}
