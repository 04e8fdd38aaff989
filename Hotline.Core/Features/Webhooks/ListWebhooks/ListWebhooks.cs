using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks.ListWebhooks;

/// <summary>Every subscriber with its delivery state (never its secret).</summary>
public sealed record ListWebhooks : IRequest<IReadOnlyList<WebhookDto>>;

public sealed class ListWebhooksHandler(HotlineDbContext db, TimeProvider time) : IRequestHandler<ListWebhooks, IReadOnlyList<WebhookDto>>
{
    public async Task<IReadOnlyList<WebhookDto>> Handle(ListWebhooks request, CancellationToken cancellationToken)
    {
        var subscriptions = await db.WebhookSubscriptions.AsNoTracking().OrderBy(s => s.Name).ToListAsync(cancellationToken);
        var stats = await WebhookStatsReader.ReadAsync(db, subscriptions.Select(s => s.Id).ToList(), time.GetUtcNow(), cancellationToken);
        return subscriptions.Select(s => WebhookMapper.ToDto(s, stats[s.Id])).ToList();
    }
}
