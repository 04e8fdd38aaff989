using FluentValidation;
using Hotline.Contracts.Kpis;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetUnitMeasures;

/// <summary><c>GET /api/kpis/units</c>: the three rates per accountable (lead) unit, best score first.</summary>
public sealed record GetUnitMeasures(DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<UnitMeasuresDto>>, IPeriodRequest;

public sealed class GetUnitMeasuresValidator : AbstractValidator<GetUnitMeasures>
{
    public GetUnitMeasuresValidator(IOptions<KpiOptions> options) => this.AddPeriodRules(options.Value);
}

public sealed class GetUnitMeasuresHandler(MeasureCalculator calculator, TimeProvider time)
    : IRequestHandler<GetUnitMeasures, IReadOnlyList<UnitMeasuresDto>>
{
    public Task<IReadOnlyList<UnitMeasuresDto>> Handle(GetUnitMeasures request, CancellationToken cancellationToken) =>
        calculator.UnitsAsync(KpiPeriod.Resolve(request.From, request.To, time), cancellationToken);
}
