using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.UrgeTicket;

/// <summary>催办: a supervisor urges the unit; counted on the order.</summary>
public sealed record UrgeTicket(Guid TicketId, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class UrgeTicketValidator : AbstractValidator<UrgeTicket>
{
    public UrgeTicketValidator() =>
        RuleFor(x => x.Note).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
}

public sealed class UrgeTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<UrgeTicket, TicketDto>
{
    public async Task<TicketDto> Handle(UrgeTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Urge(request.Note!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
