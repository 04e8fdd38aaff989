using Hotline.Core.Data;
using Hotline.Core.Telephony;
using Hotline.Domain.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Calls.WaitInQueue;

/// <summary>
/// The wait URL of the queue (<c>/twilio/voice/wait</c>, Twilio's <c>&lt;Enqueue waitUrl&gt;</c>): Twilio asks it while the
/// caller waits and again each time its TwiML ends. It answers the caller's position and expected wait in Mandarin
/// (<see cref="VoicePrompts.Position"/>), then a pause. The position is ours (<see cref="CallQueue.Ahead"/>, with priority
/// and seat groups), not Twilio's <c>QueuePosition</c>, which knows only the order of arrival. A grouped call that has
/// waited past <c>Calls:SeatGroupOverflow</c> is rung to every available agent here, once (a conditional update).
/// </summary>
public sealed record WaitInQueue(WebhookRequest Webhook) : IRequest<string>;

public sealed class WaitInQueueHandler(HotlineDbContext db, TimeProvider time, IOptions<CallCentreOptions> options, IMediator publisher)
    : IRequestHandler<WaitInQueue, string>
{
    public async Task<string> Handle(WaitInQueue request, CancellationToken cancellationToken)
    {
        var pause = new Twiml().Pause(options.Value.WaitAnnouncementPause).ToString();
        var callSid = request.Webhook["CallSid"];
        var call = callSid is null ? null : await db.Calls.AsNoTracking().FirstOrDefaultAsync(c => c.CallSid == callSid, cancellationToken);
        if (call is null || !call.IsWaiting)
        {
            // Unknown, or already taken by an agent (the redirect follows): hold without an announcement.
            return pause;
        }

        var now = time.GetUtcNow();
        await RingOverflowAsync(call, now, cancellationToken);
        var line = await CallQueue.Waiting(db.Calls.AsNoTracking().Where(c => c.SeatGroup == call.SeatGroup)).ToListAsync(cancellationToken);
        var ahead = CallQueue.Ahead(line, call);
        var minutes = WaitEstimate.Minutes(ahead, await RecentAverageWaitAsync(now, cancellationToken), options.Value.EstimatedWaitPerCaller);
        return new Twiml().Say(VoicePrompts.Position(ahead, minutes)).Pause(options.Value.WaitAnnouncementPause).ToString();
    }

    /// <summary>The average wait of the calls agents answered in the last hour; null without one.</summary>
    private async Task<TimeSpan?> RecentAverageWaitAsync(DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddHours(-1);
        var answered = await db.Calls.AsNoTracking()
            .Where(c => c.AgentAnsweredAt != null && c.AgentAnsweredAt >= since)
            .Select(c => new { c.StartedAt, c.AgentAnsweredAt })
            .ToListAsync(ct);
        return answered.Count == 0
            ? null
            : TimeSpan.FromSeconds(answered.Average(c => Math.Max(0, (c.AgentAnsweredAt!.Value - c.StartedAt).TotalSeconds)));
    }

    private async Task RingOverflowAsync(Call call, DateTimeOffset now, CancellationToken ct)
    {
        if (call.SeatGroup is null || call.OverflowRungAt is not null || now - call.StartedAt < options.Value.SeatGroupOverflow)
        {
            return;
        }

        var claimed = await db.Calls.Where(c => c.Id == call.Id && c.OverflowRungAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.OverflowRungAt, now), ct);
        if (claimed == 1)
        {
            await publisher.Publish(new CallReceived(call.Id, call.CallSid, call.From, now, call.PriorityReason, call.SeatGroup, call.FlagReason, call.FlagPolicy, Overflow: true), ct);
        }
    }
}
