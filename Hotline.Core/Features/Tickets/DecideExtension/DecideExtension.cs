using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.DecideExtension;

/// <summary>The supervisor approves (the reply deadline moves) or rejects a pending extension.</summary>
public sealed record DecideExtension(Guid TicketId, bool? Approve, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class DecideExtensionValidator : AbstractValidator<DecideExtension>
{
    public DecideExtensionValidator()
    {
        RuleFor(x => x.Approve).NotNull().OverridePropertyName("approve");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
    }
}

public sealed class DecideExtensionHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<DecideExtension, TicketDto>
{
    public async Task<TicketDto> Handle(DecideExtension request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.DecideExtension(request.Approve!.Value, request.Note, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
