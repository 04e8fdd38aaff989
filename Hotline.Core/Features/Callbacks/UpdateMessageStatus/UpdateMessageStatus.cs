using Hotline.Core.Data;
using Hotline.Core.Telephony;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Callbacks.UpdateMessageStatus;

/// <summary>An SMS status callback (<c>/twilio/sms/status</c>): updates the survey message with that sid; terminal statuses stay.</summary>
public sealed record UpdateMessageStatus(WebhookRequest Webhook) : IRequest<Unit>;

public sealed class UpdateMessageStatusHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<UpdateMessageStatus, Unit>
{
    public async Task<Unit> Handle(UpdateMessageStatus request, CancellationToken cancellationToken)
    {
        var sid = request.Webhook["MessageSid"] ?? request.Webhook["SmsSid"];
        var status = request.Webhook["MessageStatus"] ?? request.Webhook["SmsStatus"];
        if (sid is null || status is null || status.Length > 20)
        {
            return Unit.Value;
        }

        var message = await db.SurveyMessages.FirstOrDefaultAsync(m => m.Sid == sid, cancellationToken);
        if (message is not null && message.ApplyStatus(status, request.Webhook["ErrorCode"], time.GetUtcNow()))
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
