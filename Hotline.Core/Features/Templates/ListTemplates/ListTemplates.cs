using Hotline.Contracts.Templates;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Templates.ListTemplates;

/// <summary>
/// <c>GET /api/phrases</c>, <c>/api/order-templates</c>, <c>/api/reply-templates</c>: the templates of a kind in their
/// order, active ones only unless <see cref="IncludeInactive"/> (the editing pages). A unit's staff get the centre's
/// reply templates and their own unit's, never another unit's.
/// </summary>
public sealed record ListTemplates(TextTemplateKind Kind, bool IncludeInactive) : IRequest<IReadOnlyList<TextTemplateDto>>;

public sealed class ListTemplatesHandler(HotlineDbContext db, ICurrentUser currentUser) : IRequestHandler<ListTemplates, IReadOnlyList<TextTemplateDto>>
{
    public async Task<IReadOnlyList<TextTemplateDto>> Handle(ListTemplates request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var query = db.TextTemplates.AsNoTracking().Where(t => t.Kind == request.Kind);
        if (!request.IncludeInactive)
        {
            query = query.Where(t => t.IsActive);
        }

        if (!TemplateAccess.IsManager(actor))
        {
            var unitId = actor.IsDepartment ? actor.UnitId : null;
            query = query.Where(t => t.UnitId == null || t.UnitId == unitId);
        }

        var rows = await query.ToListAsync(cancellationToken);

        // The centre's first, then the unit's; each in its own order.
        return rows.OrderBy(t => t.UnitId is not null).ThenBy(t => t.SortOrder).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(TemplateAccess.ToDto).ToList();
    }
}
