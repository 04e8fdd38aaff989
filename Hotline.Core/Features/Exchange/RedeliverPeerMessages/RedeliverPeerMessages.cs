using Hotline.Contracts.Audit;
using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using Hotline.Core.Features.Webhooks;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange.RedeliverPeerMessages;

/// <summary>
/// An Admin puts every message a peer gave up on (dead after the retry window: a transfer sent while the peer was down
/// for a day, a status the peer refused until its codes were configured) back in the queue, with the same bodies and
/// ids and a fresh retry window; the worker sends them in order per order, and the peer drops what it already has.
/// </summary>
public sealed record RedeliverPeerMessages(Guid PeerId) : IRequest<PeerRedeliveredDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PeerRedelivered;

    public string? AuditSummary => "重新投递对接平台的失败消息";

    public string? AuditTargetType => nameof(PeerPlatform);

    public string? AuditTargetId => PeerId.ToString();

    public bool AuditCapturesChanges => false;
}

public sealed class RedeliverPeerMessagesHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<RedeliverPeerMessages, PeerRedeliveredDto>
{
    public async Task<PeerRedeliveredDto> Handle(RedeliverPeerMessages request, CancellationToken cancellationToken)
    {
        if (!await db.PeerPlatforms.AnyAsync(p => p.Id == request.PeerId, cancellationToken))
        {
            throw new NotFoundException("对接平台", request.PeerId);
        }

        var now = time.GetUtcNow();
        var requeued = await db.PeerMessages.Where(m => m.PeerId == request.PeerId && m.Status == WebhookDeliveryStatus.Dead)
            .ExecuteUpdateAsync(
                u => u.SetProperty(m => m.Status, WebhookDeliveryStatus.Pending)
                    .SetProperty(m => m.RetryFrom, now)
                    .SetProperty(m => m.NextAttemptAt, now)
                    .SetProperty(m => m.DeadAt, (DateTimeOffset?)null),
                cancellationToken);
        return new PeerRedeliveredDto(requeued);
    }
}
