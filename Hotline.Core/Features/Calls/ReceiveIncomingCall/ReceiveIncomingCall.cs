using Hotline.Contracts.Realtime;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Domain.Telephony;
using Hotline.Core.Realtime;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Calls.ReceiveIncomingCall;

/// <summary>
/// An incoming call (<c>/twilio/voice/incoming</c>): recorded once under its unique CallSid, answered with a
/// Mandarin greeting that queues the caller, and rung (CallRinging) to the agents whose presence is available.
/// Twilio's retries of the same call record and ring nothing again. Returns the TwiML.
/// </summary>
public sealed record ReceiveIncomingCall(WebhookRequest Webhook) : IRequest<string>;

public sealed partial class ReceiveIncomingCallHandler(
    HotlineDbContext db,
    IHubContext<HotlineHub, IHotlineClient> hub,
    TimeProvider time,
    ILogger<ReceiveIncomingCallHandler> logger) : IRequestHandler<ReceiveIncomingCall, string>
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
        var call = Call.Incoming(callSid, from, Truncate(request.Webhook["To"], 32), request.Webhook["CallStatus"], time.GetUtcNow());
        db.Calls.Add(call);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same call delivered twice at once: the other delivery recorded and rang it.
            return answer;
        }

        var available = await db.AgentPresences.AsNoTracking()
            .Where(p => p.Status == AgentPresenceStatus.Available)
            .Select(p => p.UserId)
            .ToListAsync(cancellationToken);
        if (available.Count > 0)
        {
            try
            {
                await hub.Clients.Groups(available.Select(HubGroups.User).ToList())
                    .CallRinging(new CallRinging(call.Id, call.CallSid, call.From, call.StartedAt));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // At most once, like every push: the agents still see the call in GET /api/calls?active=true.
                LogRingFailed(ex, call.CallSid);
            }
        }

        return answer;
    }

    private static string? Truncate(string? value, int length) => value is null || value.Length <= length ? value : value[..length];

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ringing agents for call {CallSid} failed")]
    private partial void LogRingFailed(Exception exception, string callSid);
}
