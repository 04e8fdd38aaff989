using System.Security.Claims;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Common;

/// <summary>The actor behind an access token's claims; the HTTP API and the hub read tokens the same way.</summary>
public static class ClaimsActor
{
    public const string UserIdClaim = "sub";
    public const string NameClaim = "name";
    public const string RoleClaim = "role";
    public const string UnitIdClaim = "unit_id";

    public static Actor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Actor.System("anonymous");
        }

        var id = Guid.TryParse(user.FindFirstValue(UserIdClaim), out var userId) ? userId : (Guid?)null;
        var unitId = Guid.TryParse(user.FindFirstValue(UnitIdClaim), out var unit) ? unit : (Guid?)null;
        var roles = user.FindAll(RoleClaim).Select(c => c.Value).ToArray();
        return new Actor(id, user.FindFirstValue(NameClaim) ?? "unknown", roles, unitId);
    }
}
