using Hotline.Contracts.Reference;
using MediatR;

namespace Hotline.Core.Features.Reference.ListSlaPolicies;

public sealed record ListSlaPolicies : IRequest<IReadOnlyList<SlaPolicyDto>>;

public sealed class ListSlaPoliciesHandler(ReferenceDataCache reference) : IRequestHandler<ListSlaPolicies, IReadOnlyList<SlaPolicyDto>>
{
    public async Task<IReadOnlyList<SlaPolicyDto>> Handle(ListSlaPolicies request, CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).SlaPolicies.Values.OrderBy(p => p.Tier).Select(SlaMapping.ToDto).ToList();
}
