using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.ControlCall;

/// <summary>
/// The status callback of a phone dialled into a call's conference (<c>/twilio/voice/leg?call=…&amp;role=…</c>, signed like
/// every webhook):
/// <list type="bullet">
/// <item>the current agent's phone did not answer (no-answer, busy, failed, canceled): the caller goes back to the queue in
/// their place (<see cref="VoicePrompts.Requeued"/>, hearing their position again from the wait URL; the available agents are rung again) and that agent is set Away
/// (未接听, so it is not rung again until it says it is back);</item>
/// <item>the current agent hung up: the agent's part of the call is over (wrap-up); unless an emergency service is still
/// on a three-way call, the caller's call is ended too;</item>
/// <item>a unit's phone did not answer a transferred caller: back to the hotline's queue (<see cref="VoicePrompts.UnitUnanswered"/>);</item>
/// <item>every leg of a transfer: its status on the <see cref="CallTransfer"/>.</item>
/// </list>
/// Legs the call has moved on from (an agent who transferred it) and replays change nothing.
/// </summary>
public sealed record UpdateCallLeg(WebhookRequest Webhook) : IRequest<MediatR.Unit>, IChangesCallCentre;

public sealed partial class UpdateCallLegHandler(
    HotlineDbContext db,
    TimeProvider time,
    ITwilioClient line,
    TelephonyUrls urls,
    IOptions<CallCentreOptions> options,
    ILogger<UpdateCallLegHandler> logger) : IRequestHandler<UpdateCallLeg, MediatR.Unit>
{
    public async Task<MediatR.Unit> Handle(UpdateCallLeg request, CancellationToken cancellationToken)
    {
        var webhook = request.Webhook;
        var (legSid, status, role) = (webhook["CallSid"], webhook["CallStatus"], webhook.QueryValue("role"));
        if (legSid is null || status is null || !Call.KnownStatuses.Contains(status) || !Guid.TryParse(webhook.QueryValue("call"), out var callId))
        {
            return MediatR.Unit.Value;
        }

        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, cancellationToken);
        if (call is null)
        {
            return MediatR.Unit.Value;
        }

        var now = time.GetUtcNow();
        var transfer = await db.CallTransfers.FirstOrDefaultAsync(t => t.CallId == callId && t.LegSid == legSid, cancellationToken);
        transfer?.ApplyLegStatus(status, now);
        await db.SaveChangesAsync(cancellationToken);
        if (!call.IsActive || !Call.TerminalStatuses.Contains(status))
        {
            return MediatR.Unit.Value;
        }

        var unanswered = status != "completed";
        if (role == CallControls.AgentLeg && call.AgentLegSid == legSid && call.CurrentAgentId is { } agentId)
        {
            if (unanswered)
            {
                await RequeueAsync(call, VoicePrompts.Requeued, now, cancellationToken);
                await AgentStates.TransitionAsync(db, agentId, AgentPresenceStatus.Busy, AgentPresenceStatus.Away, now, TimeSpan.Zero, cancellationToken);
                return MediatR.Unit.Value;
            }

            call.AgentLeft(now);
            await db.SaveChangesAsync(cancellationToken);
            await AgentStates.CallEndedAsync(db, agentId, now, options.Value.WrapUpTime, cancellationToken);
            var withService = await db.CallTransfers.AnyAsync(t => t.CallId == callId && t.Kind == CallTransferKind.Emergency && t.EndedAt == null, cancellationToken);
            if (!withService)
            {
                await CallControls.EndLegQuietlyAsync(line, call.CallSid);
            }

            return MediatR.Unit.Value;
        }

        if (role == CallControls.UnitLeg && unanswered && transfer is not null && call.CurrentAgentId is null
            && !await db.CallTransfers.AnyAsync(t => t.CallId == callId && t.At > transfer.At, cancellationToken))
        {
            await RequeueAsync(call, VoicePrompts.UnitUnanswered, now, cancellationToken);
        }

        return MediatR.Unit.Value;
    }

    /// <summary>The caller back in the queue: the conference left for the queue's TwiML, and the call waiting again.</summary>
    private async Task RequeueAsync(Call call, string prompt, DateTimeOffset now, CancellationToken ct)
    {
        call.Requeued(now);
        await db.SaveChangesAsync(ct);
        try
        {
            await line.RedirectCallAsync(call.CallSid, new Twiml().Say(prompt).Enqueue(VoicePrompts.Queue, urls.Absolute(TelephonyUrls.VoiceWait)).ToString(), ct);
        }
        catch (TwilioApiException ex)
        {
            LogRequeueFailed(call.CallSid, ex.Reference);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Call {CallSid}: the caller could not be put back in the queue ({Reference}); the caller waits in the conference until they hang up")]
    private partial void LogRequeueFailed(string callSid, string reference);
}
