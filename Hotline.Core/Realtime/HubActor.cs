using System.Security.Claims;
using Hotline.Core.Domain.Common;

namespace Hotline.Core.Realtime;

/// <summary>The actor behind a hub connection, read from the same token claims as the HTTP API.</summary>
public static class HubActor
{
    public static Actor From(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return Actor.System("anonymous");
        }

        var id = Guid.TryParse(user.FindFirst("sub")?.Value, out var userId) ? userId : (Guid?)null;
        var unitId = Guid.TryParse(user.FindFirst("unit_id")?.Value, out var unit) ? unit : (Guid?)null;
        var roles = user.FindAll("role").Select(c => c.Value).ToArray();
        return new Actor(id, user.FindFirst("name")?.Value ?? "unknown", roles, unitId);
    }
}
