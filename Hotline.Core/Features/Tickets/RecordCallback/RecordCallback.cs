using FluentValidation;
using FluentValidation.Results;
using Hotline.Contracts;
using Hotline.Contracts.Tickets;
using Hotline.Core.Data;
using Hotline.Core.Features.Callbacks;
using Hotline.Domain.Callbacks;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Reference;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Tickets.RecordCallback;

/// <summary>
/// 回访 result recorded by a person: satisfied and solved closes the order; dissatisfied (with a 不满意原因) or unsolved
/// sends it back to the lead unit (重办). Unreachable with a <see cref="ContactFailure"/> is one unreached call: the order
/// returns to the queue at the chosen retry time until <see cref="CallbackOptions.UnreachableAttempts"/>, then (or at
/// once for 空号, or without a failure) it is recorded as 联系不上. The automated surveys (SMS, keypad) call
/// <see cref="Ticket.RecordCallback"/> themselves, in the same save as the survey (Callbacks/SurveyCompletion).
/// </summary>
public sealed record RecordCallback(
    Guid TicketId, CallbackOutcome? Outcome, bool? Solved, string? Note, int? Version,
    string? ReasonCode = null, ContactFailure? ContactFailure = null, CallbackRetry? Retry = null) : IRequest<TicketDto>;

public sealed class RecordCallbackValidator : AbstractValidator<RecordCallback>
{
    public RecordCallbackValidator()
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum().OverridePropertyName("outcome");
        RuleFor(x => x.Solved).NotNull().When(x => x.Outcome is not null and not CallbackOutcome.Unreachable)
            .OverridePropertyName("solved").WithMessage("请记录问题是否解决。");
        RuleFor(x => x.Note).MaximumLength(Ticket.MaxNoteLength).OverridePropertyName("note");
        RuleFor(x => x.ReasonCode).NotEmpty().When(x => x.Outcome == CallbackOutcome.Dissatisfied)
            .OverridePropertyName("reasonCode").WithMessage("市民不满意时请选择不满意原因。");
        RuleFor(x => x.ReasonCode).Empty().When(x => x.Outcome is not null and not CallbackOutcome.Dissatisfied)
            .OverridePropertyName("reasonCode").WithMessage("只有不满意的回访才选择不满意原因。");
        RuleFor(x => x.ReasonCode).MaximumLength(CallbackReason.MaxCodeLength).OverridePropertyName("reasonCode");
        RuleFor(x => x.ContactFailure).IsInEnum().OverridePropertyName("contactFailure");
        RuleFor(x => x.ContactFailure).Null().When(x => x.Outcome is not null and not CallbackOutcome.Unreachable)
            .OverridePropertyName("contactFailure").WithMessage("只有联系不上时才记录未接通的情况。");
        RuleFor(x => x.Retry).IsInEnum().OverridePropertyName("retry");
        RuleFor(x => x.Retry).Null().When(x => x.ContactFailure is not { } failure || !Ticket.IsRetriable(failure))
            .OverridePropertyName("retry").WithMessage("只有无人接听、关机或拒接时才安排再次回访。");
    }
}

public sealed class RecordCallbackHandler(
    HotlineDbContext db, ICurrentUser currentUser, ReferenceDataCache reference, TimeProvider time, IOptions<CallbackOptions> options)
    : IRequestHandler<RecordCallback, TicketDto>
{
    public async Task<TicketDto> Handle(RecordCallback request, CancellationToken cancellationToken)
    {
        var (actor, now) = (currentUser.Actor, time.GetUtcNow());
        var reason = request.ReasonCode is { } code
            ? await db.CallbackReasons.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken)
                ?? throw new ValidationException([new ValidationFailure("reasonCode", $"没有这个不满意原因：{code}。")])
            : null;
        var ticket = await db.Tickets.LoadForChangeAsync(request.TicketId, actor, request.Version, cancellationToken);
        var snapshot = await reference.GetAsync(cancellationToken);
        if (request is { Outcome: CallbackOutcome.Unreachable, ContactFailure: { } failure })
        {
            var retryAt = options.Value.RetryAt(request.Retry ?? CallbackRetry.InTwoHours, snapshot.Calendar, now);
            ticket.RecordCallbackAttempt(failure, retryAt, options.Value.UnreachableAttempts, request.Note, snapshot, actor, now);
        }
        else
        {
            ticket.RecordCallback(request.Outcome!.Value, request.Solved, request.Note, snapshot, actor, now, reason);
        }

        await db.SaveChangesAsync(cancellationToken);
        return await TicketReader.ReadAfterChangeAsync(db, ticket, actor, now, cancellationToken);
    }
}
