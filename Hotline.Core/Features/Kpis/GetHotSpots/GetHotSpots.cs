using FluentValidation;
using Hotline.Contracts.Kpis;
using Hotline.Domain.Common;
using MediatR;

namespace Hotline.Core.Features.Kpis.GetHotSpots;

/// <summary><c>GET /api/kpis/hotspots?week=</c>: categories rising in a street in the week holding <c>week</c> (default: this week), see <see cref="HotSpotFinder"/>.</summary>
public sealed record GetHotSpots(DateOnly? Week) : IRequest<HotSpotReportDto>;

public sealed class GetHotSpotsValidator : AbstractValidator<GetHotSpots>
{
    public GetHotSpotsValidator() =>
        RuleFor(r => r.Week).Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("日期须在 2000–2100 年之间。");
}

public sealed class GetHotSpotsHandler(HotSpotFinder finder, TimeProvider time) : IRequestHandler<GetHotSpots, HotSpotReportDto>
{
    public Task<HotSpotReportDto> Handle(GetHotSpots request, CancellationToken cancellationToken) =>
        finder.FindAsync(request.Week ?? ChinaTime.DateOf(time.GetUtcNow()), cancellationToken);
}
