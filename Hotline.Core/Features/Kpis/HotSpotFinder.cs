using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Counts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis;

/// <summary>
/// Categories rising in a street (主动治理): a (street, category) is a hot spot when the week's orders reach
/// Kpis:HotSpots:MinCount and at least MinRatio × the mean of the PreviousWeeks before (weeks run Monday to Sunday,
/// China time). Duplicates and invalid orders do not count.
/// </summary>
public sealed class HotSpotFinder(HotlineDbContext db, IOptions<KpiOptions> options)
{
    /// <summary>The hot spots of the week holding <paramref name="day"/>, hottest first, with their orders.</summary>
    public async Task<HotSpotReportDto> FindAsync(DateOnly day, CancellationToken ct)
    {
        var rule = options.Value.HotSpots;
        var weekStart = VolumeCalculator.BucketOf(day, VolumeInterval.Week);
        var weekEnd = weekStart.AddDays(6);
        var first = weekStart.AddDays(-7 * rule.PreviousWeeks);

        // Hot-spot rows are weekly (KpiContribution.HotSpotWeek): this week's pairs that reach the minimum, then the
        // weeks before of those pairs only, per week, in one grouped sum.
        var counts = db.Set<KpiCount>().AsNoTracking().Where(c => c.Dimension == KpiDimension.StreetCategory);
        var thisWeek = await counts
            .Where(c => c.Day == weekStart)
            .GroupBy(c => c.Key)
            .Select(g => new { g.Key, N = g.Sum(c => c.HotSpot) })
            .Where(x => x.N >= rule.MinCount)
            .ToDictionaryAsync(x => x.Key, x => x.N, ct);
        var rows = (await counts
                .Where(c => c.Day >= first && c.Day < weekStart)
                .GroupBy(c => new { c.Key, c.Day })
                .Select(g => new { g.Key.Key, g.Key.Day, N = g.Sum(c => c.HotSpot) })
                .Where(x => x.N != 0)
                .ToListAsync(ct))
            .Where(x => thisWeek.ContainsKey(x.Key))
            .ToLookup(x => x.Key, x => (x.Day, x.N));
        var hot = thisWeek
            .Where(x => x.Value >= rule.MinRatio * rows[x.Key].Sum(r => r.N) / rule.PreviousWeeks)
            .Select(x => x.Key)
            .ToList();

        var candidates = hot
            .Select(key =>
            {
                var previous = new int[rule.PreviousWeeks]; // [0] = the week just before, [1] = two weeks before, ...
                foreach (var (weekDay, n) in rows[key])
                {
                    previous[((weekStart.DayNumber - VolumeCalculator.BucketOf(weekDay, VolumeInterval.Week).DayNumber) / 7) - 1] += n;
                }

                var parts = key.Split('|');
                var mean = previous.Average();
                var count = thisWeek[key];
                return (Key: (District: parts[0], Street: parts[1], Category: parts[2]), ThisWeek: count, Previous: previous, Mean: mean, Ratio: mean > 0 ? count / mean : (double?)null);
            })
            .OrderByDescending(c => c.Ratio ?? double.MaxValue)
            .ThenByDescending(c => c.ThisWeek)
            .ThenBy(c => c.Key.Street, StringComparer.Ordinal)
            .ThenBy(c => c.Key.Category, StringComparer.Ordinal)
            .ToList();

        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct);
        var streets = await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, ct);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct);
        var items = new List<HotSpotDto>(candidates.Count);
        foreach (var c in candidates)
        {
            var (district, street, category) = c.Key;
            var orders = await db.Tickets.AsNoTracking()
                .Where(t => t.CreatedDay >= weekStart && t.CreatedDay <= weekEnd && t.Location.StreetCode == street && t.CategoryCode == category)
                .Where(t => t.CloseReason == null || (t.CloseReason != CloseReason.Duplicate && t.CloseReason != CloseReason.Invalid && t.CloseReason != CloseReason.Imported && t.CloseReason != CloseReason.Split && t.CloseReason != CloseReason.TransferredOut))
                .OrderByDescending(t => t.CreatedAt)
                .Take(rule.MaxOrdersListed)
                .Select(t => new HotSpotOrderDto(t.Id, t.Number, t.Status, t.Type, t.CreatedAt, t.Location.Address))
                .ToListAsync(ct);
            items.Add(new HotSpotDto(
                district, districts.GetValueOrDefault(district, district),
                street, streets.GetValueOrDefault(street, street),
                category, categories.GetValueOrDefault(category, category),
                c.ThisWeek, c.Previous, Math.Round(c.Mean, 2), c.Ratio is { } r ? Math.Round(r, 2) : null, orders));
        }

        return new HotSpotReportDto(weekStart, weekEnd, rule.PreviousWeeks, rule.MinCount, rule.MinRatio, items);
    }
}
