using FluentValidation;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.MissedCalls;

/// <summary>
/// <c>POST /api/calls/missed/{id}/outcome</c>: the agent who called back records how it went (已接通 / 无人接听 / 号码错误,
/// with a note). Reached and wrong number finish the task; no answer puts it back in the list until
/// <c>Calls:CallbackAttempts</c> attempts are used up. Each outcome is a row in <c>MissedCallAttempts</c>.
/// </summary>
public sealed record RecordMissedCallOutcome(Guid Id, MissedCallOutcome? Outcome, string? Note) : IRequest<MissedCallDto>, IChangesCallCentre;

public sealed class RecordMissedCallOutcomeValidator : AbstractValidator<RecordMissedCallOutcome>
{
    public RecordMissedCallOutcomeValidator()
    {
        RuleFor(x => x.Outcome).NotNull().IsInEnum().OverridePropertyName("outcome");
        RuleFor(x => x.Note).MaximumLength(MissedCall.NoteMaxLength).OverridePropertyName("note");
    }
}

public sealed class RecordMissedCallOutcomeHandler(HotlineDbContext db, ICurrentUser currentUser, TimeProvider time, IOptions<CallCentreOptions> options)
    : IRequestHandler<RecordMissedCallOutcome, MissedCallDto>
{
    public async Task<MissedCallDto> Handle(RecordMissedCallOutcome request, CancellationToken cancellationToken)
    {
        var userId = currentUser.Actor.UserId ?? throw new NotFoundException("坐席", currentUser.Actor.UserName);
        var task = await db.MissedCalls.FirstOrDefaultAsync(m => m.Id == request.Id, cancellationToken) ?? throw new NotFoundException("漏接来电", request.Id);
        db.MissedCallAttempts.Add(task.RecordOutcome(userId, request.Outcome!.Value, request.Note, time.GetUtcNow(), options.Value.CallbackAttempts));
        await MissedCallSaves.SaveAsync(db, cancellationToken);
        return task.ToDto();
    }
}
