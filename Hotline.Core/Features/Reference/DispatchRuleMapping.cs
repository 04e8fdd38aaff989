using Hotline.Contracts.Reference;
using Hotline.Domain.Reference;

namespace Hotline.Core.Features.Reference;

internal static class DispatchRuleMapping
{
    public static DispatchRuleDto ToDto(DispatchRule r) => new(r.Id, r.CategoryCode, r.DistrictCode, r.StreetCode, r.UnitId);
}
