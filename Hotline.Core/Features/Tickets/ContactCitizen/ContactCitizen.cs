using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.ContactCitizen;

/// <summary>联系: the lead unit records how it contacted the citizen.</summary>
public sealed record ContactCitizen(Guid TicketId, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class ContactCitizenValidator : AbstractValidator<ContactCitizen>
{
    public ContactCitizenValidator() =>
        RuleFor(x => x.Note).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
}

public sealed class ContactCitizenHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<ContactCitizen, TicketDto>
{
    public async Task<TicketDto> Handle(ContactCitizen request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.RecordContact(request.Note!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
