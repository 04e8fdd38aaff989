using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Tickets.MergeTicket;

/// <summary>重复件: merges an order into its original and closes it.</summary>
public sealed record MergeTicket(Guid TicketId, Guid? OriginalTicketId, int? Version) : IRequest<TicketDto>;

public sealed class MergeTicketValidator : AbstractValidator<MergeTicket>
{
    public MergeTicketValidator() =>
        RuleFor(x => x.OriginalTicketId).NotNull().NotEqual(Guid.Empty).OverridePropertyName("originalTicketId");
}

public sealed class MergeTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<MergeTicket, TicketDto>
{
    public async Task<TicketDto> Handle(MergeTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        // Tracked: the merge writes the original too (its timeline and version), which is what makes two crossing merges collide.
        var original = await db.Tickets.FirstOrDefaultAsync(t => t.Id == request.OriginalTicketId, cancellationToken)
            ?? throw new NotFoundException("原工单", request.OriginalTicketId!.Value);
        ticket.MergeInto(original, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
