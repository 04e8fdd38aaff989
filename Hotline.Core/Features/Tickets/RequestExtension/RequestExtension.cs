using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.RequestExtension;

/// <summary>延期申请 by the lead unit, before the reply deadline.</summary>
public sealed record RequestExtension(Guid TicketId, DateTimeOffset? NewReplyDueAt, string? Reason, int? Version) : IRequest<TicketDto>;

public sealed class RequestExtensionValidator : AbstractValidator<RequestExtension>
{
    public RequestExtensionValidator()
    {
        RuleFor(x => x.NewReplyDueAt).NotNull().OverridePropertyName("newReplyDueAt");
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("reason");
    }
}

public sealed class RequestExtensionHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<RequestExtension, TicketDto>
{
    public async Task<TicketDto> Handle(RequestExtension request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.RequestExtension(request.NewReplyDueAt!.Value, request.Reason!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
