using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;

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

public sealed class ReplyTicketHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time) : IRequestHandler<ReplyTicket, TicketDto>
{
    public async Task<TicketDto> Handle(ReplyTicket request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);

        // 办结审核: the rules are read at each reply, so an Admin's change applies to the next reply at once.
        var rules = await db.ReviewRules.AsNoTracking().ToListAsync(cancellationToken);
        var parent = (await reference.GetAsync(cancellationToken)).CategoriesByCode.GetValueOrDefault(ticket.CategoryCode)?.ParentCode;
        ticket.Reply(request.Solved!.Value, request.Answer!.Trim(), actor, now, ReviewRule.AnyMatches(rules, ticket, parent));
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
