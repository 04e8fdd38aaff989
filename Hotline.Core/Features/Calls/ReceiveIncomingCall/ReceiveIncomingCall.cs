using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Telephony;
using Hotline.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.ReceiveIncomingCall;

/// <summary>
/// An incoming call (<c>/twilio/voice/incoming</c>): recorded once under its unique CallSid, answered with a
/// Mandarin greeting that queues the caller (ahead of the others when an earlier order of the caller is overdue); the new call's <see cref="CallReceived"/> rings the available agents
/// after the commit (RealtimeNotifier). Twilio's retries of the same call record and ring nothing again. Returns the TwiML.
/// </summary>
public sealed record ReceiveIncomingCall(WebhookRequest Webhook) : IRequest<string>;

public sealed class ReceiveIncomingCallHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<ReceiveIncomingCall, string>
{
    public async Task<string> Handle(ReceiveIncomingCall request, CancellationToken cancellationToken)
    {
        var answer = new Twiml().Say(VoicePrompts.Greeting).Enqueue(VoicePrompts.Queue).ToString();
        var callSid = request.Webhook["CallSid"];
        if (callSid is null || callSid.Length > 64)
        {
            return new Twiml().Hangup().ToString();
        }

        if (await db.Calls.AnyAsync(c => c.CallSid == callSid, cancellationToken))
        {
            return answer;
        }

        var from = Truncate(request.Webhook["From"] ?? request.Webhook["Caller"] ?? "anonymous", 32)!;
        var now = time.GetUtcNow();
        var call = Call.Incoming(callSid, from, Truncate(request.Webhook["To"], 32), request.Webhook["CallStatus"], now, await PriorityReasonAsync(from, now, cancellationToken));
        db.Calls.Add(call);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same call delivered twice at once: the other delivery recorded and rang it. This one's event is
            // never published, since only committed changes publish theirs.
        }

        return answer;
    }

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
