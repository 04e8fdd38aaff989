using Hotline.Core.Data;
using Hotline.Core.Features.Calls.MissedCalls;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using Hotline.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.ReceiveIncomingCall;

/// <summary>
/// An incoming call (<c>/twilio/voice/incoming</c>): recorded once under its unique CallSid, answered with a
/// Mandarin greeting that queues the caller (ahead of the others when an earlier order of the caller is overdue); the new call's <see cref="CallReceived"/> rings the available agents
/// after the commit (RealtimeNotifier). Twilio's retries of the same call record and ring nothing again. Outside the
/// staffed hours (<c>Calls:StaffedHours</c>) the caller is told so and the call ends: nobody is rung, nothing is queued,
/// and the number gets a callback task (漏接回拨). Returns the TwiML.
/// </summary>
public sealed record ReceiveIncomingCall(WebhookRequest Webhook) : IRequest<string>, IChangesCallCentre;

public sealed class ReceiveIncomingCallHandler(HotlineDbContext db, TimeProvider time, IOptions<CallCentreOptions> options) : IRequestHandler<ReceiveIncomingCall, string>
{
    public async Task<string> Handle(ReceiveIncomingCall request, CancellationToken cancellationToken)
    {
        var callSid = request.Webhook["CallSid"];
        if (callSid is null || callSid.Length > 64)
        {
            return new Twiml().Hangup().ToString();
        }

        if (await db.Calls.AsNoTracking().Where(c => c.CallSid == callSid).Select(c => (bool?)c.AfterHours).FirstOrDefaultAsync(cancellationToken) is { } known)
        {
            return Answer(known);
        }

        var from = Truncate(request.Webhook["From"] ?? request.Webhook["Caller"] ?? "anonymous", 32)!;
        var now = time.GetUtcNow();
        var afterHours = !options.Value.IsStaffed(now);
        var call = Call.Incoming(callSid, from, Truncate(request.Webhook["To"], 32), request.Webhook["CallStatus"], now, afterHours ? null : await PriorityReasonAsync(from, now, cancellationToken), afterHours);
        db.Calls.Add(call);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same call delivered twice at once: the other delivery recorded and rang it. This one's event is
            // never published, since only committed changes publish theirs.
            return Answer(afterHours);
        }

        if (afterHours)
        {
            await MissedCallLog.RecordAsync(db, call.Id, now, cancellationToken);
        }

        return Answer(afterHours);
    }

    private string Answer(bool afterHours) => afterHours
        ? new Twiml().Say(VoicePrompts.AfterHours(options.Value.StaffedHours)).Hangup().ToString()
        : new Twiml().Say(VoicePrompts.Greeting).Enqueue(VoicePrompts.Queue).ToString();

    /// <summary>A caller whose earlier order is overdue (a running deadline has passed) goes ahead in the queue.</summary>
    private async Task<string?> PriorityReasonAsync(string from, DateTimeOffset now, CancellationToken ct)
    {
        if (PhoneNumbers.Normalize(from) is not { } phone)
        {
            return null;
        }

        var overdue = await db.Tickets.AnyAsync(
            t => (t.Citizen.Phone == phone || t.Citizen.Phone == from) && t.Status != TicketStatus.Closed && t.Clocks.NextDueAt != null && t.Clocks.NextDueAt < now,
            ct);
        return overdue ? CallPriority.OverdueOrder : null;
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
