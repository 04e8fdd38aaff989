using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.FlagTicket;

/// <summary>Sets (<see cref="On"/>) or clears a supervisor's flag on an order: 疑难 or 典型.</summary>
public sealed record FlagTicket(Guid TicketId, TicketFlag Flag, bool On, int? Version) : IRequest<TicketDto>;

public sealed class FlagTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<FlagTicket, TicketDto>
{
    public async Task<TicketDto> Handle(FlagTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.SetFlag(request.Flag, request.On, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
