using Hotline.Contracts.Reference;
using Unit = Hotline.Domain.Reference.Unit;
using MediatR;

namespace Hotline.Core.Features.Reference.ListUnits;

public sealed record ListUnits : IRequest<IReadOnlyList<UnitDto>>;

public sealed class ListUnitsHandler(ReferenceDataCache reference) : IRequestHandler<ListUnits, IReadOnlyList<UnitDto>>
{
    public async Task<IReadOnlyList<UnitDto>> Handle(ListUnits request, CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Units
            .OrderBy(u => u.Kind).ThenBy(u => u.Code, StringComparer.Ordinal)
            .Select(UnitMapping.ToDto)
            .ToList();
}
