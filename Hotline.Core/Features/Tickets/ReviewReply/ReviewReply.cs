using FluentValidation;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using Hotline.Domain.Tickets;
using MediatR;

namespace Hotline.Core.Features.Tickets.ReviewReply;

/// <summary>办结审核: a supervisor approves a reply waiting for review (the callback follows) or sends it back to the lead unit.</summary>
public sealed record ReviewReply(Guid TicketId, bool? Approve, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class ReviewReplyValidator : AbstractValidator<ReviewReply>
{
    public ReviewReplyValidator()
    {
        RuleFor(x => x.Approve).NotNull().OverridePropertyName("approve");
        RuleFor(x => x.Note).NotEmpty().When(x => x.Approve == false).OverridePropertyName("note").WithMessage("退回重办须填写审核意见。");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
    }
}

public sealed class ReviewReplyHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time) : IRequestHandler<ReviewReply, TicketDto>
{
    public async Task<TicketDto> Handle(ReviewReply request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        ticket.Review(request.Approve!.Value, request.Note, await reference.GetAsync(cancellationToken), actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
