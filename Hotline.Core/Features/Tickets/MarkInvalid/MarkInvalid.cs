using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.MarkInvalid;

/// <summary>无效件: an invalid or malicious submission is closed as invalid with a reason.</summary>
public sealed record MarkInvalid(Guid TicketId, string? Reason, int? Version) : IRequest<TicketDto>;

public sealed class MarkInvalidValidator : AbstractValidator<MarkInvalid>
{
    public MarkInvalidValidator() =>
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("reason");
}

public sealed class MarkInvalidHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<MarkInvalid, TicketDto>
{
    public async Task<TicketDto> Handle(MarkInvalid request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.MarkInvalid(request.Reason!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
