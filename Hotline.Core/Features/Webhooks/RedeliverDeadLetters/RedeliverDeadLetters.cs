using FluentValidation;
using Hotline.Contracts.Audit;
using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using Hotline.Core.Features.Audit;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks.RedeliverDeadLetters;

/// <summary>
/// Puts dead letters back in the queue, with the same event id and a fresh retry window: the given ones, or every
/// dead letter of the subscriber when <paramref name="DeliveryIds"/> is empty. The worker sends them in order of change.
/// </summary>
public sealed record RedeliverDeadLetters(Guid SubscriptionId, IReadOnlyList<Guid> DeliveryIds) : IRequest<WebhookRedeliveredDto>, IAuditedRequest
{
    public string AuditAction => AuditActions.WebhookRedelivered;

    public string? AuditSummary => DeliveryIds.Count == 0 ? "重新投递全部失败事件" : $"重新投递 {DeliveryIds.Count} 个失败事件";

    public string? AuditTargetType => nameof(WebhookSubscription);

    public string? AuditTargetId => SubscriptionId.ToString();

    public bool AuditCapturesChanges => false;
}

public sealed class RedeliverDeadLettersValidator : AbstractValidator<RedeliverDeadLetters>
{
    public RedeliverDeadLettersValidator() =>
        RuleFor(x => x.DeliveryIds.Count).LessThanOrEqualTo(1000).OverridePropertyName("deliveryIds");
}

public sealed class RedeliverDeadLettersHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<RedeliverDeadLetters, WebhookRedeliveredDto>
{
    public async Task<WebhookRedeliveredDto> Handle(RedeliverDeadLetters request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == request.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Webhook", request.SubscriptionId);
        }

        var dead = db.WebhookDeliveries.Where(d => d.SubscriptionId == request.SubscriptionId && d.Status == WebhookDeliveryStatus.Dead);
        if (request.DeliveryIds.Count > 0)
        {
            var ids = request.DeliveryIds.ToList();
            dead = dead.Where(d => ids.Contains(d.Id));
        }

        var wanted = request.DeliveryIds.Distinct().Count();
        if (wanted > 0 && await dead.CountAsync(cancellationToken) < wanted)
        {
            throw new Domain.Common.DomainException("只能重新投递该订阅失败列表中的事件：所选事件已投递、已在重试或不属于该订阅。");
        }

        var requeued = await dead.RequeueDeadAsync(time.GetUtcNow(), cancellationToken);
        return new WebhookRedeliveredDto(requeued);
    }
}
