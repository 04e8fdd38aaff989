using Hotline.Contracts.Audit;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.RevealCitizenPhone;

/// <summary>The lead unit needs to call: returns the full phone and logs the access on the timeline.</summary>
public sealed record RevealCitizenPhone(Guid TicketId) : IRequest<CitizenPhoneDto>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.PhoneRevealed;
    public string? AuditTargetType => "Ticket";
    public string? AuditTargetId => TicketId.ToString();
    public Guid? AuditTicketId => TicketId;
    public bool AuditCapturesChanges => false;
}

public sealed class RevealCitizenPhoneHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<RevealCitizenPhone, CitizenPhoneDto>
{
    public async Task<CitizenPhoneDto> Handle(RevealCitizenPhone request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, expectedVersion: null, cancellationToken);
        var phone = ticket.RevealPhone(actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return new CitizenPhoneDto(phone);
    }
}
