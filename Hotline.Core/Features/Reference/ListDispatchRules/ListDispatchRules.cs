using Hotline.Contracts.Reference;
using MediatR;

namespace Hotline.Core.Features.Reference.ListDispatchRules;

public sealed record ListDispatchRules : IRequest<IReadOnlyList<DispatchRuleDto>>;

public sealed class ListDispatchRulesHandler(ReferenceDataCache reference) : IRequestHandler<ListDispatchRules, IReadOnlyList<DispatchRuleDto>>
{
    public async Task<IReadOnlyList<DispatchRuleDto>> Handle(ListDispatchRules request, CancellationToken cancellationToken) =>
        (await reference.GetAsync(cancellationToken)).Rules
            .OrderBy(r => r.CategoryCode, StringComparer.Ordinal).ThenBy(r => r.DistrictCode).ThenBy(r => r.StreetCode)
            .Select(DispatchRuleMapping.ToDto)
            .ToList();
}
