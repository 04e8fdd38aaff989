using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.ListAppeals;

/// <summary>
/// 申诉审核: appeals with their decisions, oldest first (pending ones are a supervisor's queue). Supervisors see every
/// unit's (optionally one unit's); a department sees its own unit's only.
/// </summary>
public sealed record ListAppeals(AppealStatus? Status, AppealKind? Kind, Guid? UnitId, int Limit = 200) : IRequest<IReadOnlyList<AppealListItemDto>>;

public sealed class ListAppealsValidator : AbstractValidator<ListAppeals>
{
    public ListAppealsValidator()
    {
        RuleFor(x => x.Status).IsInEnum().OverridePropertyName("status");
        RuleFor(x => x.Kind).IsInEnum().OverridePropertyName("kind");
        RuleFor(x => x.Limit).InclusiveBetween(1, 500).OverridePropertyName("limit");
    }
}

public sealed class ListAppealsHandler(HotlineDbContext db, ICurrentUser currentUser) : IRequestHandler<ListAppeals, IReadOnlyList<AppealListItemDto>>
{
    public async Task<IReadOnlyList<AppealListItemDto>> Handle(ListAppeals request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var unitId = TicketAccess.SeesAllOrders(actor) ? request.UnitId : actor.UnitId;
        var appeals = db.TicketAppeals.AsNoTracking();
        if (unitId is { } unit)
        {
            appeals = appeals.Where(a => a.UnitId == unit);
        }
        else if (!TicketAccess.SeesAllOrders(actor))
        {
            return [];
        }

        if (request.Status is { } status)
        {
            appeals = appeals.Where(a => a.Status == status);
        }

        if (request.Kind is { } kind)
        {
            appeals = appeals.Where(a => a.Kind == kind);
        }

        var rows = await appeals
            .Join(db.Tickets, a => a.TicketId, t => t.Id, (a, t) => new { Appeal = a, t.Number, t.CategoryCode, t.Status })
            .OrderBy(r => r.Appeal.FiledAt)
            .Take(request.Limit)
            .ToListAsync(cancellationToken);
        var names = await ActorNames.ReadAsync(db, rows.SelectMany(r => new[] { r.Appeal.FiledBy, r.Appeal.DecidedBy }).OfType<string>(), cancellationToken);
        var unitIds = rows.Select(r => r.Appeal.UnitId).Distinct().ToList();
        var units = await db.Units.AsNoTracking().Where(u => unitIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);
        return rows.Select(r => new AppealListItemDto(AppealMapper.ToDto(r.Appeal, names), r.Number, r.CategoryCode, r.Status, units.GetValueOrDefault(r.Appeal.UnitId))).ToList();
    }
}
