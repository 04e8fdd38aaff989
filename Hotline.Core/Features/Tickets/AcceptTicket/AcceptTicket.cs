using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.AcceptTicket;

/// <summary>签收 by the lead unit.</summary>
public sealed record AcceptTicket(Guid TicketId, int? Version) : IRequest<TicketDto>;

public sealed class AcceptTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<AcceptTicket, TicketDto>
{
    public async Task<TicketDto> Handle(AcceptTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Accept(actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
