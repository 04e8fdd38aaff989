using Hotline.Contracts.Reference;
using MediatR;

namespace Hotline.Core.Features.Reference.ListRegions;

public sealed record ListRegions : IRequest<IReadOnlyList<RegionDto>>;

public sealed class ListRegionsHandler(ReferenceDataCache reference) : IRequestHandler<ListRegions, IReadOnlyList<RegionDto>>
{
    public async Task<IReadOnlyList<RegionDto>> Handle(ListRegions request, CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Districts
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .Select(d => new RegionDto(d.Code, d.Name, d.Streets.OrderBy(s => s.Code, StringComparer.Ordinal).Select(s => new StreetDto(s.Code, s.Name)).ToList()))
            .ToList();
}
