using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;

namespace Hotline.Core.Features.Tickets.RecordCallback;

/// <summary>
/// 回访 result recorded by a person: satisfied and solved closes the order; dissatisfied or unsolved sends it back
/// to the lead unit (重办). The automated surveys (SMS, keypad) call <see cref="Ticket.RecordCallback"/> themselves,
/// in the same save as the survey (Callbacks/SurveyCompletion).
/// </summary>
public sealed record RecordCallback(Guid TicketId, CallbackOutcome? Outcome, bool? Solved, string? Note, int? Version) : IRequest<TicketDto>;

public sealed class RecordCallbackValidator : AbstractValidator<RecordCallback>
{
    public RecordCallbackValidator()
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum().OverridePropertyName("outcome");
        RuleFor(x => x.Solved).NotNull().When(x => x.Outcome is not null and not CallbackOutcome.Unreachable)
            .OverridePropertyName("solved").WithMessage("请记录问题是否解决。");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
    }
}

public sealed class RecordCallbackHandler(HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time)
    : IRequestHandler<RecordCallback, TicketDto>
{
    public async Task<TicketDto> Handle(RecordCallback request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var snapshot = await reference.GetAsync(cancellationToken);
        ticket.RecordCallback(request.Outcome!.Value, request.Solved, request.Note, snapshot, actor, now);
        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
