using Hotline.Contracts;
using Hotline.Contracts.Templates;
using Hotline.Domain.Common;
using Hotline.Domain.Templates;

namespace Hotline.Core.Features.Templates;

/// <summary>
/// Who sees and edits which templates. Phrases and order templates are the centre's, edited by supervisors and
/// administrators. Reply templates are centre-wide or a unit's own: a unit's staff see the centre's and their unit's
/// and edit only their unit's; another unit's template is, to them, not there.
/// </summary>
internal static class TemplateAccess
{
    public static bool IsManager(Actor actor) => actor.IsInRole(Roles.Supervisor) || actor.IsInRole(Roles.Admin);

    /// <summary>Whether the actor may know the template exists.</summary>
    public static bool CanSee(Actor actor, TextTemplate template) =>
        IsManager(actor) || template.UnitId is null || (actor.IsDepartment && template.UnitId == actor.UnitId);

    public static TextTemplateDto ToDto(TextTemplate t) =>
        new(t.Id, t.Kind, t.Name, t.Body, t.SortOrder, t.IsActive, t.CategoryCode, t.Type, t.Urgency, t.UnitId, t.UpdatedAt);
}
