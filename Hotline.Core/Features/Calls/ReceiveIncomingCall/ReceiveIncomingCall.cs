using Hotline.Core.Data;
using Hotline.Core.Features.Calls.MissedCalls;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using Hotline.Contracts;
using Hotline.Contracts.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.ReceiveIncomingCall;

/// <summary>
/// An incoming call (<c>/twilio/voice/incoming</c>): recorded once under its unique CallSid, answered with a
/// Mandarin greeting that queues the caller (ahead of the others when the caller is a registered priority caller or an
/// earlier order of the caller is overdue; in the seat group of the number called, <c>Calls:SeatGroups</c>) with the wait
/// URL that tells the caller their position; the new call's <see cref="CallReceived"/> rings the available agents
/// after the commit (RealtimeNotifier). Twilio's retries of the same call record and ring nothing again. Outside the
/// staffed hours (<c>Calls:StaffedHours</c>) the caller is told so and the call ends: nobody is rung, nothing is queued,
/// and the number gets a callback task (漏接回拨). A flagged number (恶意来电) carries the warning to the agents; over the
/// flag's daily limit the caller hears the limit message and the call is recorded as limited. Returns the TwiML.
/// </summary>
public sealed record ReceiveIncomingCall(WebhookRequest Webhook) : IRequest<string>, IChangesCallCentre;

public sealed class ReceiveIncomingCallHandler(HotlineDbContext db, TimeProvider time, IOptions<CallCentreOptions> options, TelephonyUrls urls)
    : IRequestHandler<ReceiveIncomingCall, string>
{
    public async Task<string> Handle(ReceiveIncomingCall request, CancellationToken cancellationToken)
    {
        var callSid = request.Webhook["CallSid"];
        if (callSid is null || callSid.Length > 64)
        {
            return new Twiml().Hangup().ToString();
        }

        if (await db.Calls.AsNoTracking().Where(c => c.CallSid == callSid).Select(c => new { c.AfterHours, c.Limited, c.FlagReason }).FirstOrDefaultAsync(cancellationToken) is { } known)
        {
            return Answer(known.AfterHours, known.Limited);
        }

        var from = Truncate(request.Webhook["From"] ?? request.Webhook["Caller"] ?? "anonymous", 32)!;
        var to = Truncate(request.Webhook["To"], 32);
        var now = time.GetUtcNow();
        var afterHours = !options.Value.IsStaffed(now);
        var phone = PhoneNumbers.Normalize(from);
        var flag = phone is null ? null : await db.FlaggedCallers.AsNoTracking().FirstOrDefaultAsync(f => f.Phone == phone, cancellationToken);
        flag = flag?.IsActiveAt(now) == true ? flag : null;
        var limited = !afterHours && flag is { Policy: FlaggedCallerPolicy.Limit } && flag.Limits(await CallsTodayAsync(phone!, now, cancellationToken), now);
        var priority = afterHours || limited || phone is null ? null : await PriorityReasonAsync(from, phone, now, cancellationToken);
        var call = Call.Incoming(callSid, from, to, request.Webhook["CallStatus"], now, priority, afterHours, options.Value.SeatGroupFor(to), flag, limited);
        db.Calls.Add(call);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same call delivered twice at once: the other delivery recorded and rang it. This one's event is
            // never published, since only committed changes publish theirs.
            return Answer(afterHours, limited);
        }

        if (afterHours)
        {
            await MissedCallLog.RecordAsync(db, call.Id, now, cancellationToken);
        }

        return Answer(afterHours, limited);
    }

    private string Answer(bool afterHours, bool limited) =>
        afterHours ? new Twiml().Say(VoicePrompts.AfterHours(options.Value.StaffedHours)).Hangup().ToString()
        : limited ? new Twiml().Say(VoicePrompts.DailyLimitReached).Hangup().ToString()
        : new Twiml().Say(VoicePrompts.Greeting).Enqueue(VoicePrompts.Queue, urls.Absolute(TelephonyUrls.VoiceWait)).ToString();

    /// <summary>Calls from the number earlier today (China time), in the forms Twilio and registrations write it.</summary>
    private Task<int> CallsTodayAsync(string phone, DateTimeOffset now, CancellationToken ct)
    {
        var forms = PhoneNumbers.StoredForms(phone);
        var dayStart = Domain.Common.ChinaTime.StartOfDay(Domain.Common.ChinaTime.DateOf(now));
        return db.Calls.CountAsync(c => forms.Contains(c.From) && c.StartedAt >= dayStart, ct);
    }

    /// <summary>
    /// A registered priority caller (老年人, 残疾人, …) goes ahead in the queue, and so does a caller whose earlier order is
    /// overdue (a running deadline has passed); the registry's reason is named when both hold.
    /// </summary>
    private async Task<string?> PriorityReasonAsync(string from, string phone, DateTimeOffset now, CancellationToken ct)
    {
        if (await db.PriorityCallers.AsNoTracking().FirstOrDefaultAsync(p => p.Phone == phone, ct) is { } registered)
        {
            return registered.Reason;
        }

        var overdue = await db.Tickets.AnyAsync(
            t => (t.Citizen.Phone == phone || t.Citizen.Phone == from) && t.Status != TicketStatus.Closed && t.Clocks.NextDueAt != null && t.Clocks.NextDueAt < now,
            ct);
        return overdue ? CallPriority.OverdueOrder : null;
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];
}
