using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.GetTicket;

public sealed record GetTicket(Guid Id) : IRequest<TicketDto>;

public sealed class GetTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<GetTicket, TicketDto>
{
    public Task<TicketDto> Handle(GetTicket request, CancellationToken cancellationToken) =>
        TicketReader.ReadAsync(db, request.Id, currentUser.Actor, time.GetUtcNow(), cancellationToken);
}
