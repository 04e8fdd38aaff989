using Hotline.Contracts.Reference;
using Hotline.Domain.Reference;
using MediatR;

namespace Hotline.Core.Features.Reference.ListRegions;

/// <summary>The districts in the official order (<c>SortOrder</c>, then code), each with its streets in theirs.</summary>
public sealed record ListRegions : IRequest<IReadOnlyList<RegionDto>>;

public sealed class ListRegionsHandler(ReferenceDataCache reference) : IRequestHandler<ListRegions, IReadOnlyList<RegionDto>>
{
    public async Task<IReadOnlyList<RegionDto>> Handle(ListRegions request, CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Districts
            .OrderBy(d => d.SortOrder)
            .ThenBy(d => d.Code, StringComparer.Ordinal)
            .Select(ToDto)
            .ToList();

    /// <summary>The district with its streets in the official order (a list without orders falls back to the codes).</summary>
    public static RegionDto ToDto(District d) =>
        new(d.Code, d.Name, d.Streets.OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal).Select(s => new StreetDto(s.Code, s.Name)).ToList())
        {
            SortOrder = d.SortOrder,
        };
}
