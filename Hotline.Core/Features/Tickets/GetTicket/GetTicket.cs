using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.GetTicket;

public sealed record GetTicket(Guid Id) : IRequest<TicketDto>;

/// <summary>
/// One order as the caller may see it; a unit's read of it is a read of a citizen's data and goes to the audit trail,
/// committed before the answer by the group commit of reads (<see cref="AuditReadWriter"/>), no chain lock.
/// </summary>
public sealed class GetTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, AuditLog audit) : IRequestHandler<GetTicket, TicketDto>
{
    public async Task<TicketDto> Handle(GetTicket request, CancellationToken cancellationToken)
    {
        var actor = currentUser.Actor;
        var ticket = await TicketReader.ReadAsync(db, request.Id, actor, time.GetUtcNow(), cancellationToken);
        if (actor.IsDepartment)
        {
            await audit.WriteReadAsync(AuditActions.TicketViewed, $"查看工单 {ticket.Number}", "Ticket", ticket.Id.ToString(), ticket.Id, cancellationToken);
        }

        return ticket;
    }
}
