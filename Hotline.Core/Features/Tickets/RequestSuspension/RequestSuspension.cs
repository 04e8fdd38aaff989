using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.RequestSuspension;

/// <summary>挂起申请 by the lead unit: the handling cannot move (the citizen abroad, a pending court decision, a seasonal ban).</summary>
public sealed record RequestSuspension(Guid TicketId, string? Reason, DateTimeOffset? Until, int? Version) : IRequest<TicketDto>;

public sealed class RequestSuspensionValidator : AbstractValidator<RequestSuspension>
{
    /// <summary>How far ahead a suspension may be asked to end by itself.</summary>
    public static readonly TimeSpan MaxUntil = TimeSpan.FromDays(366);

    public RequestSuspensionValidator(TimeProvider time)
    {
        RuleFor(x => x.Reason).NotEmpty().MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("reason");
        RuleFor(x => x.Until).Must(u => u!.Value <= time.GetUtcNow() + MaxUntil).When(x => x.Until is not null)
            .OverridePropertyName("until").WithMessage("挂起截止时间最多一年之后。");
    }
}

public sealed class RequestSuspensionHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<RequestSuspension, TicketDto>
{
    public async Task<TicketDto> Handle(RequestSuspension request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.RequestSuspension(request.Reason!.Trim(), request.Until, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
