using Hotline.Contracts.Webhooks;
using Hotline.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Webhooks;

/// <summary>Per subscriber: what waits, what is dead, and the latency of the last day's deliveries.</summary>
public static class WebhookStatsReader
{
    public static async Task<IReadOnlyDictionary<Guid, WebhookStatsDto>> ReadAsync(HotlineDbContext db, IReadOnlyCollection<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var since = now.AddHours(-24);
        var deliveries = db.WebhookDeliveries.AsNoTracking().Where(d => ids.Contains(d.SubscriptionId));
        var counts = await deliveries.Where(d => d.Status != WebhookDeliveryStatus.Delivered)
            .GroupBy(d => new { d.SubscriptionId, d.Status })
            .Select(g => new { g.Key.SubscriptionId, g.Key.Status, Count = g.Count() })
            .ToListAsync(ct);
        var recent = await deliveries.Where(d => d.Status == WebhookDeliveryStatus.Delivered && d.DeliveredAt >= since)
            .GroupBy(d => d.SubscriptionId)
            .Select(g => new { SubscriptionId = g.Key, Count = g.Count(), Average = g.Average(d => d.LatencyMs), Max = g.Max(d => d.LatencyMs) })
            .ToListAsync(ct);

        var result = new Dictionary<Guid, WebhookStatsDto>();
        foreach (var id in ids)
        {
            var lastDelivered = await deliveries.Where(d => d.SubscriptionId == id && d.Status == WebhookDeliveryStatus.Delivered)
                .OrderByDescending(d => d.DeliveredAt).Select(d => d.DeliveredAt).FirstOrDefaultAsync(ct);
            var lastFailure = await deliveries.Where(d => d.SubscriptionId == id && d.Status != WebhookDeliveryStatus.Delivered && d.LastError != null)
                .OrderByDescending(d => d.LastAttemptAt).Select(d => new { d.LastAttemptAt, d.LastError }).FirstOrDefaultAsync(ct);
            var day = recent.SingleOrDefault(r => r.SubscriptionId == id);
            result[id] = new WebhookStatsDto(
                counts.Where(c => c.SubscriptionId == id && c.Status == WebhookDeliveryStatus.Pending).Sum(c => c.Count),
                counts.Where(c => c.SubscriptionId == id && c.Status == WebhookDeliveryStatus.Dead).Sum(c => c.Count),
                day?.Count ?? 0,
                day?.Average is { } average ? Math.Round(average, 1) : null,
                day?.Max is { } max ? Math.Round(max, 1) : null,
                lastDelivered,
                lastFailure?.LastAttemptAt,
                lastFailure?.LastError);
        }

        return result;
    }
}
