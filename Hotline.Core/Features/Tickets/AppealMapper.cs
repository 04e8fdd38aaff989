using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets;

/// <summary>申诉 as the order JSON and the supervisors' list show them, people named as on the timeline.</summary>
public static class AppealMapper
{
    public static AppealDto ToDto(TicketAppeal a, IReadOnlyDictionary<string, string>? names) =>
        new(a.Id, a.TicketId, a.Kind, a.Status, a.Reason, a.UnitId, a.VerdictAt, a.WindowEndsAt, a.FiledAt, a.FiledBy, a.DecidedAt, a.DecidedBy, a.DecisionNote)
        {
            FiledByName = ActorNames.Of(a.FiledBy, names),
            DecidedByName = a.DecidedBy is { } by ? ActorNames.Of(by, names) : null,
        };

    /// <summary>The order's appeals, oldest first (one query).</summary>
    public static async Task<IReadOnlyList<AppealDto>> ReadAsync(HotlineDbContext db, Guid ticketId, IReadOnlyDictionary<string, string> names, CancellationToken ct)
    {
        var appeals = await db.TicketAppeals.AsNoTracking().Where(a => a.TicketId == ticketId).OrderBy(a => a.FiledAt).ToListAsync(ct);
        return appeals.Select(a => ToDto(a, names)).ToList();
    }
}
