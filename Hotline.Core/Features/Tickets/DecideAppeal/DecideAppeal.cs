using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.DecideAppeal;

/// <summary>A supervisor (never of the appellant's unit) upholds a pending appeal (the verdict leaves the unit's rates) or rejects it with a note.</summary>
public sealed record DecideAppeal(Guid TicketId, Guid AppealId, bool? Upheld, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class DecideAppealValidator : AbstractValidator<DecideAppeal>
{
    public DecideAppealValidator()
    {
        RuleFor(x => x.Upheld).NotNull().OverridePropertyName("upheld");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
        RuleFor(x => x.Note).NotEmpty().When(x => x.Upheld == false).OverridePropertyName("note").WithMessage("驳回申诉须填写审核意见。");
    }
}

public sealed class DecideAppealHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time) : IRequestHandler<DecideAppeal, TicketDto>
{
    public async Task<TicketDto> Handle(DecideAppeal request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        await db.Entry(ticket).Collection(t => t.Appeals).LoadAsync(cancellationToken);
        if (ticket.Appeals.All(a => a.Id != request.AppealId))
        {
            throw new NotFoundException("申诉", request.AppealId);
        }

        ticket.DecideAppeal(request.AppealId, request.Upheld!.Value, request.Note, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
