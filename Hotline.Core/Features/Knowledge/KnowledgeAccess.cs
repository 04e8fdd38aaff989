using Hotline.Contracts;
using Hotline.Contracts.Knowledge;
using Hotline.Domain.Common;

namespace Hotline.Core.Features.Knowledge;

/// <summary>
/// Who sees what: editors and reviewers see every article and its working copy; agents, callback staff see every
/// published article; a department sees published public articles and the internal guides its unit owns.
/// </summary>
public static class KnowledgeAccess
{
    public static bool SeesWorkingCopies(Actor actor) =>
        actor.IsInRole(Roles.KnowledgeEditor) || actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.Admin);

    /// <summary>True when internal articles are limited to the actor's own unit (a department that is not also centre staff).</summary>
    public static bool InternalLimitedToUnit(Actor actor) =>
        actor.IsInRole(Roles.Department) && !new[] { Roles.Agent, Roles.Supervisor, Roles.Callback, Roles.Admin, Roles.KnowledgeEditor }.Any(actor.IsInRole);

    public static bool MaySee(Actor actor, KnowledgeAudience audience, Guid? ownerUnitId) =>
        audience == KnowledgeAudience.Public || !InternalLimitedToUnit(actor) || (ownerUnitId is not null && ownerUnitId == actor.UnitId);
}
