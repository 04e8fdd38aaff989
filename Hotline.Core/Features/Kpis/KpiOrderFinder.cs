using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis;

/// <summary>What a drill-down narrows the orders to: the keys of the figure's row (lead unit, district, category, channel, type, street).</summary>
public sealed record KpiOrderFilter(
    Guid? UnitId = null,
    string? DistrictCode = null,
    string? CategoryCode = null,
    Channel? Channel = null,
    TicketType? Type = null,
    string? StreetCode = null);

/// <summary>One order behind a figure: whether it met the measure (null for a count), whether it is exempted, and when it entered the period.</summary>
public sealed record KpiOrderHit(Guid TicketId, bool? Met, bool Exempted, DateTimeOffset At);

/// <summary>
/// The orders behind a figure of the measures pages (docs/kpis.md, "Drill-down"). It reads the candidate orders of the
/// period with <see cref="KpiSnapshot.Projection"/> and keeps those whose own <see cref="KpiContribution"/> puts something
/// in the figure, read with <see cref="MeasureParts"/>: the very function and counters that the counts (incremental and
/// rebuilt) are made of, so an order is listed exactly when it is counted. Returns, extensions and reworks are the
/// timeline entries <see cref="VolumeCalculator"/> counts, one row each.
/// </summary>
public sealed class KpiOrderFinder(HotlineDbContext db)
{
    public async Task<IReadOnlyList<KpiOrderHit>> FindAsync(KpiMeasure measure, KpiPeriod period, KpiOrderFilter filter, CancellationToken ct)
    {
        if (measure is KpiMeasure.Returns or KpiMeasure.Extensions or KpiMeasure.Reworks)
        {
            return await EventsAsync(measure, period, filter, ct);
        }

        var (from, to, fromUtc, toUtc) = (period.From, period.To, period.FromUtc, period.ToUtc);
        var orders = Narrow(db.Tickets.AsNoTracking(), filter);

        // The instant that puts an order's counters in a day: first dispatch (stages), callback, or registration.
        orders = measure switch
        {
            KpiMeasure.Dispatched or KpiMeasure.Response or KpiMeasure.OnTimeReply or KpiMeasure.OverdueOpen =>
                orders.Where(t => t.FirstDispatchedAt >= fromUtc && t.FirstDispatchedAt < toUtc),
            KpiMeasure.Resolution or KpiMeasure.Satisfaction or KpiMeasure.Unreachable =>
                orders.Where(t => t.CallbackAt >= fromUtc && t.CallbackAt < toUtc),
            _ => orders.Where(t => t.CreatedDay >= from && t.CreatedDay <= to),
        };

        // Every counter of a unit figure is written under the unit, the district and the category alike; every
        // registration under its channel (and type, category, district); a hot spot under "district|street|category".
        var dimension = measure switch
        {
            KpiMeasure.Registered => KpiDimension.Channel,
            KpiMeasure.HotSpot => KpiDimension.StreetCategory,
            _ => KpiDimension.Unit,
        };
        var hits = new List<KpiOrderHit>();
        await foreach (var order in orders.Select(KpiSnapshot.Projection).AsAsyncEnumerable().WithCancellation(ct))
        {
            var s = order.Snapshot;
            var sum = new KpiCount();
            foreach (var row in KpiContribution.Of(s))
            {
                // The order is in the period by its own day (filtered above); a hot-spot row's day is its week's Monday.
                if (row.Dimension == dimension && (dimension == KpiDimension.StreetCategory || (row.Day >= from && row.Day <= to)))
                {
                    sum.Add(row, 1);
                }
            }

            var parts = MeasureParts.Of(measure, sum);
            var at = measure switch
            {
                KpiMeasure.Resolution or KpiMeasure.Satisfaction or KpiMeasure.Unreachable => s.CallbackAt!.Value,
                KpiMeasure.Registered or KpiMeasure.HotSpot => order.CreatedAt,
                _ => s.FirstDispatchedAt!.Value,
            };
            if (parts.All > 0)
            {
                hits.Add(new KpiOrderHit(order.Id, parts.Met is { } met ? met > 0 : null, false, at));
            }
            else if (parts.Exempted > 0)
            {
                hits.Add(new KpiOrderHit(order.Id, null, true, at));
            }
        }

        return hits.OrderByDescending(h => h.At).ThenBy(h => h.TicketId).ToList();
    }

    private async Task<IReadOnlyList<KpiOrderHit>> EventsAsync(KpiMeasure measure, KpiPeriod period, KpiOrderFilter filter, CancellationToken ct)
    {
        var action = measure switch
        {
            KpiMeasure.Returns => TimelineActions.ReturnRequested,
            KpiMeasure.Extensions => TimelineActions.ExtensionRequested,
            _ => TimelineActions.Reworked,
        };
        var orders = Narrow(db.Tickets.AsNoTracking(), filter);
        var events = await VolumeCalculator.Events(db, period, [action])
            .Join(orders, e => e.TicketId, t => t.Id, (e, t) => new { e.TicketId, e.At, e.Id })
            .OrderByDescending(e => e.At).ThenByDescending(e => e.Id)
            .ToListAsync(ct);
        return events.Select(e => new KpiOrderHit(e.TicketId, null, false, e.At)).ToList();
    }

    private static IQueryable<Ticket> Narrow(IQueryable<Ticket> orders, KpiOrderFilter f)
    {
        if (f.UnitId is { } unit)
        {
            orders = orders.Where(t => t.LeadUnitId == unit);
        }

        if (f.DistrictCode is { Length: > 0 } district)
        {
            orders = orders.Where(t => t.Location.DistrictCode == district);
        }

        // The measures are keyed by the order's own category (not its parent's), so the match is exact.
        if (f.CategoryCode is { Length: > 0 } category)
        {
            orders = orders.Where(t => t.CategoryCode == category);
        }

        if (f.Channel is { } channel)
        {
            orders = orders.Where(t => t.Channel == channel);
        }

        if (f.Type is { } type)
        {
            orders = orders.Where(t => t.Type == type);
        }

        if (f.StreetCode is { Length: > 0 } street)
        {
            orders = orders.Where(t => t.Location.StreetCode == street);
        }

        return orders;
    }
}
