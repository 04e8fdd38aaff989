using FluentValidation;
using Hotline.Contracts.Kpis;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetGroupMeasures;

/// <summary><c>GET /api/kpis/districts</c> and <c>/categories</c>: the same figures by the order's district or category.</summary>
public sealed record GetGroupMeasures(MeasureDimension Dimension, DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<GroupMeasuresDto>>, IPeriodRequest;

public sealed class GetGroupMeasuresValidator : AbstractValidator<GetGroupMeasures>
{
    public GetGroupMeasuresValidator(IOptions<KpiOptions> options)
    {
        this.AddPeriodRules(options.Value);
        RuleFor(r => r.Dimension).Must(d => d is MeasureDimension.District or MeasureDimension.Category);
    }
}

public sealed class GetGroupMeasuresHandler(MeasureCalculator calculator, TimeProvider time)
    : IRequestHandler<GetGroupMeasures, IReadOnlyList<GroupMeasuresDto>>
{
    public Task<IReadOnlyList<GroupMeasuresDto>> Handle(GetGroupMeasures request, CancellationToken cancellationToken) =>
        calculator.GroupsAsync(request.Dimension, KpiPeriod.Resolve(request.From, request.To, time), cancellationToken);
}
