using Hotline.Contracts.Exchange;
using Hotline.Core.Data;
using Hotline.Core.Features.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Exchange;

public static class PeerMapper
{
    public static PeerDto ToDto(PeerPlatform p, PeerStatsDto stats) =>
        new(p.Id, p.Name, p.Kind, p.BaseUrl, p.Key, p.Active, p.CreatedBy, p.CreatedAt, p.UpdatedAt, stats);

    /// <summary>Per peer: messages waiting or retrying, dead letters, the last delivery and the last error of an undelivered message.</summary>
    public static async Task<IReadOnlyDictionary<Guid, PeerStatsDto>> StatsAsync(HotlineDbContext db, IReadOnlyCollection<Guid> ids, CancellationToken ct)
    {
        var messages = db.PeerMessages.AsNoTracking().Where(m => ids.Contains(m.PeerId));
        var counts = await messages.GroupBy(m => new { m.PeerId, m.Status })
            .Select(g => new { g.Key.PeerId, g.Key.Status, Count = g.Count(), LastDelivered = g.Max(m => m.DeliveredAt) })
            .ToListAsync(ct);
        var result = new Dictionary<Guid, PeerStatsDto>();
        foreach (var id in ids)
        {
            var lastError = await messages.Where(m => m.PeerId == id && m.Status != WebhookDeliveryStatus.Delivered && m.LastError != null)
                .OrderByDescending(m => m.LastAttemptAt).Select(m => m.LastError).FirstOrDefaultAsync(ct);
            result[id] = new PeerStatsDto(
                counts.Where(c => c.PeerId == id && c.Status == WebhookDeliveryStatus.Pending).Sum(c => c.Count),
                counts.Where(c => c.PeerId == id && c.Status == WebhookDeliveryStatus.Dead).Sum(c => c.Count),
                counts.Where(c => c.PeerId == id && c.Status == WebhookDeliveryStatus.Delivered).Select(c => c.LastDelivered).FirstOrDefault(),
                lastError);
        }

        return result;
    }
}
