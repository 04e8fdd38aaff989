using Hotline.Contracts.Reference;
using Hotline.Domain.Reference;
using Unit = Hotline.Domain.Reference.Unit;

namespace Hotline.Core.Features.Reference;

internal static class UnitMapping
{
    public static UnitDto ToDto(Unit u) => new(u.Id, u.Code, u.Name, u.Kind, u.ParentId, u.DistrictCode, u.Phone);
}
