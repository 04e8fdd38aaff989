using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.RequestAssessment;

/// <summary>待研判: an agent who cannot place a Registered order puts it on the supervisors' queue, with a note.</summary>
public sealed record RequestAssessment(Guid TicketId, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class RequestAssessmentValidator : AbstractValidator<RequestAssessment>
{
    public RequestAssessmentValidator() =>
        RuleFor(x => x.Note).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
}

public sealed class RequestAssessmentHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<RequestAssessment, TicketDto>
{
    public async Task<TicketDto> Handle(RequestAssessment request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.RequestAssessment(request.Note!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
