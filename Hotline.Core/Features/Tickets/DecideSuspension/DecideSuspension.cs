using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.DecideSuspension;

/// <summary>The supervisor approves (every running clock stops) or rejects a pending suspension request.</summary>
public sealed record DecideSuspension(Guid TicketId, bool? Approve, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class DecideSuspensionValidator : AbstractValidator<DecideSuspension>
{
    public DecideSuspensionValidator()
    {
        RuleFor(x => x.Approve).NotNull().OverridePropertyName("approve");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
    }
}

public sealed class DecideSuspensionHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<DecideSuspension, TicketDto>
{
    public async Task<TicketDto> Handle(DecideSuspension request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.DecideSuspension(request.Approve!.Value, request.Note, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
