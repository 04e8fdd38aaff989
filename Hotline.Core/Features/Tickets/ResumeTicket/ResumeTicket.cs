using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Tickets.ResumeTicket;

/// <summary>恢复计时 by the lead unit or a supervisor: the stopped clocks restart with the time they had left.</summary>
public sealed record ResumeTicket(Guid TicketId, int? Version) : IRequest<TicketDto>;

public sealed class ResumeTicketHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time) : IRequestHandler<ResumeTicket, TicketDto>
{
    public async Task<TicketDto> Handle(ResumeTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Resume((await reference.GetAsync(cancellationToken)).Calendar, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
