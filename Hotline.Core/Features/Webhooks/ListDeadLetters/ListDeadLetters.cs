using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using Hotline.Core.Features.Common;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks.ListDeadLetters;

/// <summary>A subscriber's dead letters, newest first (at most 500).</summary>
public sealed record ListDeadLetters(Guid SubscriptionId) : IRequest<IReadOnlyList<WebhookDeliveryDto>>;

public sealed class ListDeadLettersHandler(HotlineDbContext db) : IRequestHandler<ListDeadLetters, IReadOnlyList<WebhookDeliveryDto>>
{
    public async Task<IReadOnlyList<WebhookDeliveryDto>> Handle(ListDeadLetters request, CancellationToken cancellationToken)
    {
        if (!await db.WebhookSubscriptions.AnyAsync(s => s.Id == request.SubscriptionId, cancellationToken))
        {
            throw new NotFoundException("Webhook", request.SubscriptionId);
        }

        return await db.WebhookDeliveries.AsNoTracking()
            .Where(d => d.SubscriptionId == request.SubscriptionId && d.Status == WebhookDeliveryStatus.Dead)
            .OrderByDescending(d => d.ChangeSequence)
            .Take(500)
            .Select(d => new WebhookDeliveryDto(d.Id, d.SubscriptionId, d.Type, d.TicketId, d.TicketNumber, d.ChangeSequence, d.OccurredAt, d.Status.ToString(), d.Attempts, d.LastAttemptAt, d.LastStatusCode, d.LastError, d.DeadAt))
            .ToListAsync(cancellationToken);
    }
}
