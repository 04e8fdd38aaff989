using Hotline.Core.Data;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.UpdateCallRecording;

/// <summary>
/// A recording status callback (<c>/twilio/voice/recording</c>): the recording's sid, URL and duration on the call. A
/// conference's recording names no call sid: the call is the one in the URL (<c>?call={id}</c>, signed with it).
/// </summary>
public sealed record UpdateCallRecording(WebhookRequest Webhook) : IRequest<Unit>;

public sealed class UpdateCallRecordingHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<UpdateCallRecording, Unit>
{
    public async Task<Unit> Handle(UpdateCallRecording request, CancellationToken cancellationToken)
    {
        var webhook = request.Webhook;
        var (sid, recordingSid) = (webhook["CallSid"], webhook["RecordingSid"]);
        var url = webhook["RecordingUrl"];
        var status = webhook["RecordingStatus"];
        var callId = Guid.TryParse(webhook.QueryValue("call"), out var id) ? id : (Guid?)null;
        if ((sid is null && callId is null) || recordingSid is null || recordingSid.Length > 64 || url?.Length > 500 || status?.Length > 20)
        {
            return Unit.Value;
        }

        var call = callId is { } known
            ? await db.Calls.FirstOrDefaultAsync(c => c.Id == known, cancellationToken)
            : await db.Calls.FirstOrDefaultAsync(c => c.CallSid == sid, cancellationToken);
        var duration = int.TryParse(webhook["RecordingDuration"], out var d) ? d : (int?)null;
        if (call is not null && call.ApplyRecording(recordingSid, url, status, duration, time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
