using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.CloseTicket;

/// <summary>A supervisor closes an open order with a reason.</summary>
public sealed record CloseTicket(Guid TicketId, string? Reason, int? Version) : IRequest<TicketDto>;

public sealed class CloseTicketValidator : AbstractValidator<CloseTicket>
{
    public CloseTicketValidator() =>
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("reason");
}

public sealed class CloseTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<CloseTicket, TicketDto>
{
    public async Task<TicketDto> Handle(CloseTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.CloseBySupervisor(request.Reason!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
