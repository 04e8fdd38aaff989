using Hotline.Contracts;
using Hotline.Core.Data;
using Hotline.Core.Features.Reference;
using Hotline.Core.Features.Reference.GetAppealPolicy;
using Hotline.Domain.Calendar;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>What the appeal rules of an order read besides the order: its appeals, its latest overdue alert, the window and the calendar.</summary>
public static class AppealInputs
{
    public static async Task<(DateTimeOffset? LastOverdueAlertAt, int WindowWorkingDays, WorkingCalendar Calendar)> LoadAsync(
        HotlineDbContext db, ReferenceDataCache reference, Ticket ticket, CancellationToken ct)
    {
        var entry = db.Entry(ticket);
        if (entry.State != EntityState.Detached)
        {
            await entry.Collection(t => t.Appeals).LoadAsync(ct);
        }

        // The sweep's overdue alerts raised while this unit led the order (a redispatch starts the new unit afresh).
        var overdueAlerts = await db.TicketAlerts.AsNoTracking()
            .Where(a => a.TicketId == ticket.Id && a.Kind == AlertKind.Overdue && a.UnitId == ticket.LeadUnitId)
            .Select(a => a.RaisedAt)
            .ToListAsync(ct);
        DateTimeOffset? lastOverdueAlertAt = overdueAlerts.Count == 0 ? null : overdueAlerts.Max();
        var window = await GetAppealPolicyHandler.WindowWorkingDaysAsync(db, ct);
        return (lastOverdueAlertAt, window, (await reference.GetAsync(ct)).Calendar);
    }
}
