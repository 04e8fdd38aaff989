using Hotline.Contracts;

namespace Hotline.Domain.Common;

/// <summary>Who performs an action: a signed-in user, or the system itself (jobs, webhooks).</summary>
public sealed record Actor(Guid? UserId, string UserName, IReadOnlyCollection<string> Roles, Guid? UnitId)
{
    public static Actor System(string name = "system") => new(null, name, [], null);

    public bool IsInRole(string role) => Roles.Contains(role);

    public bool IsDepartment => IsInRole(Contracts.Roles.Department) && UnitId is not null;
}
