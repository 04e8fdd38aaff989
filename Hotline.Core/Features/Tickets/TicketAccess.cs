using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>Who may see which orders: a department user sees only orders its unit leads, assists or is copied on.</summary>
public static class TicketAccess
{
    private static readonly string[] CentreRoles = [Roles.Agent, Roles.Supervisor, Roles.Callback, Roles.Admin];

    public static bool SeesAllOrders(Actor actor) => CentreRoles.Any(actor.IsInRole);

    public static IQueryable<Ticket> VisibleTo(this IQueryable<Ticket> tickets, Actor actor)
    {
        if (SeesAllOrders(actor))
        {
            return tickets;
        }

        if (actor.IsDepartment)
        {
            var unitId = actor.UnitId!.Value;
            return tickets.Where(t => t.LeadUnitId == unitId || t.Participants.Any(p => p.UnitId == unitId));
        }

        return tickets.Where(_ => false);
    }

    /// <summary>Loads an order for a change, with what the aggregate needs; 404 when the actor may not see it.</summary>
    public static async Task<Ticket> LoadForChangeAsync(this DbSet<Ticket> tickets, Guid id, Actor actor, int? expectedVersion, CancellationToken ct)
    {
        var ticket = await tickets.Include(t => t.Participants).FirstOrDefaultAsync(t => t.Id == id, ct);
        if (ticket is null || (!SeesAllOrders(actor) && !(actor.IsDepartment && ticket.IsVisibleToUnit(actor.UnitId!.Value))))
        {
            throw new NotFoundException("工单", id);
        }

        if (expectedVersion is { } version && version != ticket.Version)
        {
            throw new ConcurrencyConflictException($"工单已被他人更新（当前版本 {ticket.Version}，请求版本 {version}），请刷新后重试。");
        }

        return ticket;
    }
}
