using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.InstructTicket;

/// <summary>领导批示/交办: a supervisor enters a leader's instruction on an open order, optionally with a tighter reply deadline.</summary>
public sealed record InstructTicket(Guid TicketId, string? Text, string? Author, DateTimeOffset? ReplyDueAt, int? Version) : IRequest<TicketDto>;

public sealed class InstructTicketValidator : AbstractValidator<InstructTicket>
{
    public InstructTicketValidator()
    {
        RuleFor(x => x.Text).NotEmpty().MaximumLength(TicketInstruction.MaxTextLength).OverridePropertyName("text");
        RuleFor(x => x.Author).NotEmpty().MaximumLength(TicketInstruction.MaxAuthorLength).OverridePropertyName("author");
    }
}

public sealed class InstructTicketHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<InstructTicket, TicketDto>
{
    public async Task<TicketDto> Handle(InstructTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Instruct(request.Text!.Trim(), request.Author!.Trim(), request.ReplyDueAt, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
