using FluentValidation;
using Hotline.Contracts.Kpis;
using MediatR;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis.GetRanking;

/// <summary><c>GET /api/kpis/ranking</c>: units with a score, best first; equal scores share a rank.</summary>
public sealed record GetRanking(DateOnly? From, DateOnly? To) : IRequest<IReadOnlyList<RankingEntryDto>>, IPeriodRequest;

public sealed class GetRankingValidator : AbstractValidator<GetRanking>
{
    public GetRankingValidator(IOptions<KpiOptions> options) => this.AddPeriodRules(options.Value);
}

public sealed class GetRankingHandler(MeasureCalculator calculator, TimeProvider time) : IRequestHandler<GetRanking, IReadOnlyList<RankingEntryDto>>
{
    public Task<IReadOnlyList<RankingEntryDto>> Handle(GetRanking request, CancellationToken cancellationToken) =>
        calculator.RankingAsync(KpiPeriod.Resolve(request.From, request.To, time), cancellationToken);
}
