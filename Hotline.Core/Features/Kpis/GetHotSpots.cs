using FluentValidation;
using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Domain.Common;
using Hotline.Core.Features.Kpis.Counts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Hotline.Core.Features.Kpis;

/// <summary>
/// <c>GET /api/kpis/hotspots?week=</c>: categories rising in a street (主动治理). A (street, category) is a hot spot
/// when the week's orders reach Kpis:HotSpots:MinCount and at least MinRatio × the mean of the PreviousWeeks before
/// (weeks run Monday to Sunday, China time). Duplicates and invalid orders do not count.
/// </summary>
public sealed record GetHotSpots(DateOnly? Week) : IRequest<HotSpotReportDto>;

public sealed class GetHotSpotsValidator : AbstractValidator<GetHotSpots>
{
    public GetHotSpotsValidator() =>
        RuleFor(r => r.Week).Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100)).WithMessage("日期须在 2000–2100 年之间。");
}

public sealed class GetHotSpotsHandler(HotlineDbContext db, TimeProvider time, IOptions<KpiOptions> options) : IRequestHandler<GetHotSpots, HotSpotReportDto>
{
    public async Task<HotSpotReportDto> Handle(GetHotSpots request, CancellationToken cancellationToken)
    {
        var rule = options.Value.HotSpots;
        var weekStart = GetVolumesHandler.BucketOf(request.Week ?? ChinaTime.DateOf(time.GetUtcNow()), VolumeInterval.Week);
        var weekEnd = weekStart.AddDays(6);
        var first = weekStart.AddDays(-7 * rule.PreviousWeeks);

        // Two grouped sums (this week; the weeks before, together) find the hot pairs; only theirs are read per week.
        var counts = db.Set<KpiCount>().AsNoTracking().Where(c => c.Dimension == KpiDimension.StreetCategory);
        var thisWeek = await counts
            .Where(c => c.Day >= weekStart && c.Day <= weekEnd)
            .GroupBy(c => c.Key)
            .Select(g => new { g.Key, N = g.Sum(c => c.HotSpot) })
            .Where(x => x.N >= rule.MinCount)
            .ToDictionaryAsync(x => x.Key, x => x.N, cancellationToken);
        var before = await counts
            .Where(c => c.Day >= first && c.Day < weekStart)
            .GroupBy(c => c.Key)
            .Select(g => new { g.Key, N = g.Sum(c => c.HotSpot) })
            .ToDictionaryAsync(x => x.Key, x => x.N, cancellationToken);
        var hot = thisWeek
            .Where(x => x.Value >= rule.MinRatio * before.GetValueOrDefault(x.Key) / rule.PreviousWeeks)
            .Select(x => x.Key)
            .ToList();
        var rows = new List<(DateOnly Day, string Key, int N)>();
        foreach (var chunk in hot.Chunk(500))
        {
            rows.AddRange((await counts
                    .Where(c => c.Day >= first && c.Day < weekStart && chunk.Contains(c.Key))
                    .GroupBy(c => new { c.Day, c.Key })
                    .Select(g => new { g.Key.Day, g.Key.Key, N = g.Sum(c => c.HotSpot) })
                    .ToListAsync(cancellationToken))
                .Select(x => (x.Day, x.Key, x.N)));
        }

        var candidates = hot
            .Select(key =>
            {
                var previous = new int[rule.PreviousWeeks]; // [0] = the week just before, [1] = two weeks before, ...
                foreach (var c in rows.Where(r => r.Key == key))
                {
                    previous[((weekStart.DayNumber - GetVolumesHandler.BucketOf(c.Day, VolumeInterval.Week).DayNumber) / 7) - 1] += c.N;
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

        var districts = await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, cancellationToken);
        var streets = await db.Streets.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Name, cancellationToken);
        var categories = await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, cancellationToken);
        var items = new List<HotSpotDto>(candidates.Count);
        foreach (var c in candidates)
        {
            var (district, street, category) = c.Key;
            var orders = await db.Tickets.AsNoTracking()
                .Where(t => t.CreatedDay >= weekStart && t.CreatedDay <= weekEnd && t.Location.StreetCode == street && t.CategoryCode == category)
                .Where(t => t.CloseReason == null || (t.CloseReason != CloseReason.Duplicate && t.CloseReason != CloseReason.Invalid))
                .OrderByDescending(t => t.CreatedAt)
                .Take(rule.MaxOrdersListed)
                .Select(t => new HotSpotOrderDto(t.Id, t.Number, t.Status, t.Type, t.CreatedAt, t.Location.Address))
                .ToListAsync(cancellationToken);
            items.Add(new HotSpotDto(
                district, districts.GetValueOrDefault(district, district),
                street, streets.GetValueOrDefault(street, street),
                category, categories.GetValueOrDefault(category, category),
                c.ThisWeek, c.Previous, Math.Round(c.Mean, 2), c.Ratio is { } r ? Math.Round(r, 2) : null, orders));
        }

        return new HotSpotReportDto(weekStart, weekEnd, rule.PreviousWeeks, rule.MinCount, rule.MinRatio, items);
    }
}
