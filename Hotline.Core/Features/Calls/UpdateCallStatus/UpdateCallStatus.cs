using Hotline.Core.Data;
using Hotline.Core.Features.Calls.MissedCalls;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.UpdateCallStatus;

/// <summary>
/// A call status callback (<c>/twilio/voice/status</c>): ordered by SequenceNumber, a terminal status is final.
/// When a call an agent answered ends, the agent goes into wrap-up (<c>Calls:WrapUpTime</c>); a caller who hung up
/// before any agent took the call becomes a callback task (漏接回拨, <see cref="MissedCallLog"/>), once however often
/// Twilio delivers the callback.
/// For a keypad survey call that ended unanswered, the survey goes to the human queue at once.
/// </summary>
public sealed record UpdateCallStatus(WebhookRequest Webhook) : IRequest<Unit>, IChangesCallCentre;

public sealed class UpdateCallStatusHandler(HotlineDbContext db, TimeProvider time, IOptions<CallCentreOptions> options) : IRequestHandler<UpdateCallStatus, Unit>
{
    private static readonly string[] Unanswered = ["busy", "failed", "no-answer", "canceled"];

    public async Task<Unit> Handle(UpdateCallStatus request, CancellationToken cancellationToken)
    {
        var (sid, status) = (request.Webhook["CallSid"], request.Webhook["CallStatus"]);
        if (sid is null || status is null)
        {
            return Unit.Value;
        }

        var now = time.GetUtcNow();
        var sequence = int.TryParse(request.Webhook["SequenceNumber"], out var s) ? s : (int?)null;
        var duration = int.TryParse(request.Webhook["CallDuration"], out var d) ? d : (int?)null;
        var call = await db.Calls.FirstOrDefaultAsync(c => c.CallSid == sid, cancellationToken);
        if (call is not null)
        {
            if (call.ApplyStatus(status, sequence, duration, now))
            {
                await db.SaveChangesAsync(cancellationToken);
                if (!call.IsActive && call.CurrentAgentId is { } agentId)
                {
                    // The agent's call ended: wrap-up (话后处理) before the next one.
                    await AgentStates.CallEndedAsync(db, agentId, now, options.Value.WrapUpTime, cancellationToken);
                }
            }

            if (call.IsMissed && call.MissedCallId is null)
            {
                await MissedCallLog.RecordAsync(db, call.Id, now, cancellationToken);
            }

            return Unit.Value;
        }

        var message = await db.SurveyMessages.FirstOrDefaultAsync(m => m.Sid == sid, cancellationToken);
        if (message is null || status.Length > 20 || !message.ApplyStatus(status, null, now))
        {
            return Unit.Value;
        }

        if (Unanswered.Contains(status)
            && await db.CallbackSurveys.FirstOrDefaultAsync(x => x.Id == message.SurveyId && x.Stage == SurveyStage.CallPlaced, cancellationToken) is { } survey)
        {
            survey.ToHuman(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
