using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.RequestReturn;

/// <summary>退单申请: the lead unit believes the order is not its duty.</summary>
public sealed record RequestReturn(Guid TicketId, string? Reason, int? Version) : IRequest<TicketDto>;

public sealed class RequestReturnValidator : AbstractValidator<RequestReturn>
{
    public RequestReturnValidator() =>
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("reason");
}

public sealed class RequestReturnHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<RequestReturn, TicketDto>
{
    public async Task<TicketDto> Handle(RequestReturn request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.RequestReturn(request.Reason!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
