using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.Domain.Telephony;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls;

/// <summary>
/// What the call controls (保持, 挂断, 转接, 三方转接) share. An answered caller talks to the agent in a Twilio conference
/// of its own (<see cref="Call.ConferenceNameOf"/>): the caller's leaving ends it; the agent's leaving ends it too until
/// the call is transferred or a three-way call begins, when the agent's leg is set not to end it. Every phone dialled into
/// the conference reports its leg's status to <c>/twilio/voice/leg?call=…&amp;role=agent|unit|emergency</c>.
/// </summary>
public static class CallControls
{
    public const string AgentLeg = "agent";
    public const string UnitLeg = "unit";
    public const string EmergencyLeg = "emergency";

    /// <summary>The "number" of a phone on the local line, which dials nothing.</summary>
    public const string LocalPhone = "local";

    public static CallDto Dto(Call c, Guid? ticketId = null) =>
        new(c.Id, c.CallSid, c.From, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds, c.RecordingUrl, ticketId, c.AgentId, c.AgentAnsweredAt, c.PriorityReason, c.SeatGroup, c.FlagReason, c.FlagPolicy, c.Limited, c.CurrentAgentId, c.OnHold);

    public static CallTransferDto Dto(this CallTransfer t) =>
        new(t.Id, t.Kind, t.Target, t.TargetNumber, t.ToAgentId, t.ToUnitId, t.Service, t.Note, t.ByUserId, t.ByName, t.At, t.Bridge);

    /// <summary>The call for a control by the signed-in agent, tracked; 404 when unknown, 409 when not the agent's live conference call.</summary>
    public static async Task<Call> ControlledAsync(HotlineDbContext db, Guid callId, Guid agentId, CancellationToken ct)
    {
        var call = await db.Calls.FirstOrDefaultAsync(c => c.Id == callId, ct) ?? throw new Common.NotFoundException("通话", callId);
        call.EnsureControlledBy(agentId);
        return call;
    }

    /// <summary>The order registered from the call, if any (tracked), so a transfer is also on its timeline.</summary>
    public static Task<Domain.Tickets.Ticket?> TicketOfAsync(HotlineDbContext db, Call call, CancellationToken ct) =>
        db.Tickets.FirstOrDefaultAsync(t => t.CallSid == call.CallSid, ct);

    /// <summary>Ends a leg when undoing a step; a failure here is logged by the client and changes nothing more.</summary>
    public static async Task EndLegQuietlyAsync(ITwilioClient line, string legSid)
    {
        try
        {
            await line.EndCallAsync(legSid, CancellationToken.None);
        }
        catch (TwilioApiException)
        {
            // The leg may have ended already; the agent's phone hangs up by itself when the conference is empty.
        }
    }

    /// <summary>A participant change made while undoing a step; best effort, as above.</summary>
    public static async Task UpdateQuietlyAsync(ITwilioClient line, string conferenceSid, string callSid, ParticipantChange change)
    {
        try
        {
            await line.UpdateParticipantAsync(conferenceSid, callSid, change, CancellationToken.None);
        }
        catch (TwilioApiException)
        {
            // Best effort: the step it undoes was refused.
        }
    }
}
