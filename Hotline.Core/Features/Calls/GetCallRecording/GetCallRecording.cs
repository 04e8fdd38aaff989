using Hotline.Contracts.Audit;
using Hotline.Core.Data;
using Hotline.Core.Features.Attachments.DownloadAttachment;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Core.Telephony;
using Hotline.Domain.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Calls.GetCallRecording;

/// <summary>
/// <c>GET /api/calls/{id}/recording</c> (supervisors and admins): the call's recording, read from Twilio with the account's
/// credentials and streamed through (never Twilio's link). Every listen is one audit entry (播放通话录音), written before
/// the first byte goes out. No recording, or Twilio no longer has it: 404 and no entry.
/// </summary>
public sealed record GetCallRecording(Guid CallId) : IRequest<AttachmentContent>;

public sealed class GetCallRecordingHandler(HotlineDbContext db, ITwilioClient line, AuditLog audit) : IRequestHandler<GetCallRecording, AttachmentContent>
{
    public async Task<AttachmentContent> Handle(GetCallRecording request, CancellationToken cancellationToken)
    {
        var call = await db.Calls.AsNoTracking().Where(c => c.Id == request.CallId).Select(c => new { c.Id, c.From, c.CallSid, c.RecordingSid, c.RecordingStatus }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException("通话", request.CallId);
        if (call.RecordingSid is null || call.RecordingStatus is not (null or "completed"))
        {
            throw new NotFoundException("通话录音", request.CallId);
        }

        Stream? audio;
        try
        {
            audio = await line.OpenRecordingAsync(call.RecordingSid, cancellationToken);
        }
        catch (TwilioApiException ex)
        {
            throw new AnswerCall.TelephonyBridgeFailedException($"电话平台未能提供录音（{ex.Reference}），请稍后再试。", ex);
        }

        if (audio is null)
        {
            throw new NotFoundException("通话录音", request.CallId);
        }

        try
        {
            var ticketId = await db.Tickets.Where(t => t.CallSid == call.CallSid).Select(t => (Guid?)t.Id).FirstOrDefaultAsync(cancellationToken);
            audit.Add(AuditActions.RecordingPlayed, $"播放来电 {call.From} 的通话录音", "Call", call.Id.ToString(), ticketId);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch
        {
            await audio.DisposeAsync();
            throw;
        }

        return new AttachmentContent(audio, "audio/mpeg", $"call-{call.Id:N}.mp3");
    }
}
