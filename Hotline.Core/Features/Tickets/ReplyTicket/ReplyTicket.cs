using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using MediatR;

namespace Hotline.Core.Features.Tickets.ReplyTicket;

/// <summary>答复: the lead unit records what it did, whether it was solved and the answer to the citizen.</summary>
public sealed record ReplyTicket(Guid TicketId, bool? Solved, string? Answer, int? Version) : IRequest<TicketDto>;

public sealed class ReplyTicketValidator : AbstractValidator<ReplyTicket>
{
    public ReplyTicketValidator()
    {
        RuleFor(x => x.Solved).NotNull().OverridePropertyName("solved");
        RuleFor(x => x.Answer).NotEmpty().MaximumLength(Ticket.MaxContentLength).OverridePropertyName("answer");
    }
}

public sealed class ReplyTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<ReplyTicket, TicketDto>
{
    public async Task<TicketDto> Handle(ReplyTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Reply(request.Solved!.Value, request.Answer!.Trim(), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
