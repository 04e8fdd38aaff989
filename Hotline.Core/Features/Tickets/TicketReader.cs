using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>Reads one order as the caller may see it: five queries (the order with its units, its timeline, its alerts, the names of its timeline's people, its appeals).</summary>
public static class TicketReader
{
    public static async Task<TicketDto> ReadAsync(HotlineDbContext db, Guid id, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var ticket = await db.Tickets.AsNoTracking()
            .Include(t => t.Participants)
            .VisibleTo(actor)
            .FirstOrDefaultAsync(t => t.Id == id, ct)
            ?? throw new NotFoundException("工单", id);
        var timeline = await db.TimelineEntries.AsNoTracking().Where(e => e.TicketId == id).ToListAsync(ct);
        var alerts = await db.TicketAlerts.AsNoTracking().Where(a => a.TicketId == id).ToListAsync(ct);
        var names = await ActorNames.ReadAsync(db, timeline, ct);
        var dto = TicketMapper.ToDto(ticket, timeline, alerts, actor, now, names) with { Appeals = await AppealMapper.ReadAsync(db, id, names, ct) };
        return await TicketSupervisionView.AddAsync(dto, db, ticket, names, ct);
    }

    /// <summary>
    /// A new order as just registered: its whole timeline is the one it was registered with and it has no alerts
    /// yet, so only the registering user's name is read (the benchmark's registrations spent two queries on reading back).
    /// </summary>
    public static async Task<TicketDto> AfterRegistrationAsync(HotlineDbContext db, Ticket ticket, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var names = await ActorNames.ReadAsync(db, ticket.Timeline, ct);
        return await TicketSupervisionView.AddAsync(TicketMapper.ToDto(ticket, ticket.Timeline, [], actor, now, names), db, ticket, names, ct);
    }

    /// <summary>After a change: the tracked order is current, only its full timeline is read back.</summary>
    public static async Task<TicketDto> ReadAfterChangeAsync(HotlineDbContext db, Ticket ticket, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var timeline = await db.TimelineEntries.AsNoTracking().Where(e => e.TicketId == ticket.Id).ToListAsync(ct);
        var alerts = await db.TicketAlerts.AsNoTracking().Where(a => a.TicketId == ticket.Id).ToListAsync(ct);
        var names = await ActorNames.ReadAsync(db, timeline, ct);
        var dto = TicketMapper.ToDto(ticket, timeline, alerts, actor, now, names) with { Appeals = await AppealMapper.ReadAsync(db, ticket.Id, names, ct) };
        return await TicketSupervisionView.AddAsync(dto, db, ticket, names, ct);
    }
}
