using System.Security.Claims;
using Hotline.Core.Domain.Common;
using Hotline.Core.Features.Common;

namespace Hotline.Api.Auth;

/// <summary>The signed-in user of the current request, from the token's claims.</summary>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private Actor? _actor;

    public Actor Actor => _actor ??= accessor.HttpContext is { } http ? Read(http.User) : Actor.System("system");

    private static Actor Read(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Actor.System("anonymous");
        }

        var id = Guid.TryParse(user.FindFirstValue("sub"), out var userId) ? userId : (Guid?)null;
        var unitId = Guid.TryParse(user.FindFirstValue(TokenService.UnitIdClaim), out var unit) ? unit : (Guid?)null;
        var roles = user.FindAll("role").Select(c => c.Value).ToArray();
        return new Actor(id, user.FindFirstValue("name") ?? "unknown", roles, unitId);
    }
}
