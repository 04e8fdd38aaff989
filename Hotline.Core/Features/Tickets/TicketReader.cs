using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>Reads one order as the caller may see it: three queries (the order with its units, its timeline, its alerts).</summary>
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
        return TicketMapper.ToDto(ticket, timeline, alerts, actor, now);
    }

    /// <summary>
    /// A new order as just registered: its whole timeline is the one it was registered with and it has no alerts
    /// yet, so nothing is read back (the benchmark's registrations spent two queries on it).
    /// </summary>
    public static TicketDto AfterRegistration(Ticket ticket, Actor actor, DateTimeOffset now) => TicketMapper.ToDto(ticket, ticket.Timeline, [], actor, now);

    /// <summary>After a change: the tracked order is current, only its full timeline is read back.</summary>
    public static async Task<TicketDto> ReadAfterChangeAsync(HotlineDbContext db, Ticket ticket, Actor actor, DateTimeOffset now, CancellationToken ct)
    {
        var timeline = await db.TimelineEntries.AsNoTracking().Where(e => e.TicketId == ticket.Id).ToListAsync(ct);
        var alerts = await db.TicketAlerts.AsNoTracking().Where(a => a.TicketId == ticket.Id).ToListAsync(ct);
        return TicketMapper.ToDto(ticket, timeline, alerts, actor, now);
    }
}
