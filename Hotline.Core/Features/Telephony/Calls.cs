using Hotline.Contracts;
using Hotline.Contracts.Realtime;
using Hotline.Contracts.Telephony;
using Hotline.Core.Data;
using Hotline.Core.Domain.Telephony;
using Hotline.Core.Realtime;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Hotline.Core.Features.Telephony;

public static class VoicePrompts
{
    public const string Queue = "hotline";
    public const string Greeting = "您好，这里是12345政务服务便民热线。您的来电正在接入话务员，请稍候。通话可能会被录音。";
}

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

/// <summary>
/// A call status callback (<c>/twilio/voice/status</c>): ordered by SequenceNumber, a terminal status is final.
/// For a keypad survey call that ended unanswered, the survey goes to the human queue at once.
/// </summary>
public sealed record UpdateCallStatus(WebhookRequest Webhook) : IRequest<Unit>;

public sealed class UpdateCallStatusHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<UpdateCallStatus, Unit>
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

/// <summary>A recording status callback (<c>/twilio/voice/recording</c>): the recording's sid, URL and duration on the call.</summary>
public sealed record UpdateCallRecording(WebhookRequest Webhook) : IRequest<Unit>;

public sealed class UpdateCallRecordingHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<UpdateCallRecording, Unit>
{
    public async Task<Unit> Handle(UpdateCallRecording request, CancellationToken cancellationToken)
    {
        var webhook = request.Webhook;
        var (sid, recordingSid) = (webhook["CallSid"], webhook["RecordingSid"]);
        var url = webhook["RecordingUrl"];
        var status = webhook["RecordingStatus"];
        if (sid is null || recordingSid is null || recordingSid.Length > 64 || url?.Length > 500 || status?.Length > 20)
        {
            return Unit.Value;
        }

        var call = await db.Calls.FirstOrDefaultAsync(c => c.CallSid == sid, cancellationToken);
        var duration = int.TryParse(webhook["RecordingDuration"], out var d) ? d : (int?)null;
        if (call is not null && call.ApplyRecording(recordingSid, url, status, duration, time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}

/// <summary><c>GET /api/calls?active=true</c>: the latest calls (active ones only when asked), each with the order registered from it.</summary>
public sealed record ListCalls(bool ActiveOnly, int Limit = 100) : IRequest<IReadOnlyList<CallDto>>;

public sealed class ListCallsHandler(HotlineDbContext db) : IRequestHandler<ListCalls, IReadOnlyList<CallDto>>
{
    public async Task<IReadOnlyList<CallDto>> Handle(ListCalls request, CancellationToken cancellationToken)
    {
        var calls = db.Calls.AsNoTracking();
        if (request.ActiveOnly)
        {
            calls = calls.Where(c => c.IsActive);
        }

        // The link is the order's callSid (indexed), so it holds however the order was registered.
        return await calls
            .OrderByDescending(c => c.StartedAt)
            .Take(Math.Clamp(request.Limit, 1, 500))
            .Select(c => new CallDto(
                c.Id, c.CallSid, c.From, c.Status, c.StartedAt, c.EndedAt, c.DurationSeconds, c.RecordingUrl,
                db.Tickets.Where(t => t.CallSid == c.CallSid).OrderBy(t => t.CreatedAt).Select(t => (Guid?)t.Id).FirstOrDefault()))
            .ToListAsync(cancellationToken);
    }
}
