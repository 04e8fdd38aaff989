using FluentValidation;
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
/// An Admin puts messages a peer was given up on (dead after the retry window: a transfer sent while the peer was down
/// for a day, a status the peer refused until its codes were configured) back in the queue: the ones chosen from the
/// dead list, or every one of the peer's when <paramref name="MessageIds"/> is empty. Same bodies and ids, a fresh
/// retry window; the worker sends them in order per order, and the peer drops what it already has.
/// </summary>
public sealed record RedeliverPeerMessages(Guid PeerId, IReadOnlyList<Guid> MessageIds) : IRequest<PeerRedeliveredDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.PeerRedelivered;

    public string? AuditSummary => (MessageIds?.Count ?? 0) == 0 ? "重新投递对接平台的全部失败消息" : $"重新投递对接平台的 {MessageIds!.Count} 条失败消息";

    public string? AuditTargetType => nameof(PeerPlatform);

    public string? AuditTargetId => PeerId.ToString();

    public bool AuditCapturesChanges => false;
}

public sealed class RedeliverPeerMessagesValidator : AbstractValidator<RedeliverPeerMessages>
{
    public RedeliverPeerMessagesValidator() =>
        RuleFor(x => x.MessageIds.Count).LessThanOrEqualTo(1000).OverridePropertyName("messageIds");
}

public sealed class RedeliverPeerMessagesHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<RedeliverPeerMessages, PeerRedeliveredDto>
{
    public async Task<PeerRedeliveredDto> Handle(RedeliverPeerMessages request, CancellationToken cancellationToken)
    {
        if (!await db.PeerPlatforms.AnyAsync(p => p.Id == request.PeerId, cancellationToken))
        {
            throw new NotFoundException("对接平台", request.PeerId);
        }

        var dead = db.PeerMessages.Where(m => m.PeerId == request.PeerId && m.Status == WebhookDeliveryStatus.Dead);
        var wanted = request.MessageIds.Distinct().ToList();
        if (wanted.Count > 0)
        {
            dead = dead.Where(m => wanted.Contains(m.Id));
            if (await dead.CountAsync(cancellationToken) < wanted.Count)
            {
                throw new Domain.Common.DomainException("只能重新投递该平台失败列表中的消息：所选消息已投递、已在重试或不属于该平台。");
            }
        }

        return new PeerRedeliveredDto(await dead.RequeueDeadAsync(time.GetUtcNow(), cancellationToken));
    }
}
