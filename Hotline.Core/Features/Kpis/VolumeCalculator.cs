using Hotline.Contracts;
using Hotline.Contracts.Kpis;
using Hotline.Core.Data;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Kpis;

/// <summary>
/// Orders registered per day, week (from Monday) or month of a period, China time, split by channel, type,
/// category or district, with the returns asked for, extensions asked for and reworks per bucket (docs/kpis.md).
/// </summary>
public sealed class VolumeCalculator(HotlineDbContext db)
{
    public async Task<VolumeReportDto> ComputeAsync(KpiPeriod period, VolumeInterval interval, VolumeDimension dimension, CancellationToken ct)
    {
        var (from, to) = (period.From, period.To);
        var kind = dimension switch
        {
            VolumeDimension.Channel => KpiDimension.Channel,
            VolumeDimension.Type => KpiDimension.Type,
            VolumeDimension.Category => KpiDimension.Category,
            _ => KpiDimension.District,
        };
        var counts = (await db.Set<KpiCount>().AsNoTracking()
                .Where(c => c.Dimension == kind && c.Day >= from && c.Day <= to)
                .GroupBy(c => new { c.Day, c.Key })
                .Select(g => new { g.Key.Day, g.Key.Key, N = g.Sum(c => c.Registered) })
                .ToListAsync(ct))
            .Where(x => x.N != 0)
            .Select(x => (x.Day, x.Key, x.N))
            .ToList();

        var buckets = Buckets(from, to, interval);
        var index = buckets.Select((b, i) => (b, i)).ToDictionary(x => x.b, x => x.i);
        int Slot(DateOnly day) => index[BucketOf(day, interval)];

        var names = await NamesAsync(dimension, ct);
        var series = counts
            .GroupBy(c => c.Key)
            .Select(g =>
            {
                var values = new int[buckets.Count];
                foreach (var (day, _, n) in g)
                {
                    values[Slot(day)] += n;
                }

                return new VolumeSeriesDto(g.Key, names.GetValueOrDefault(g.Key, g.Key), values, values.Sum());
            })
            .OrderByDescending(s => s.Total)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .ToList();
        var total = new int[buckets.Count];
        foreach (var s in series)
        {
            for (var i = 0; i < total.Length; i++)
            {
                total[i] += s.Counts[i];
            }
        }

        // Returns, extensions and reworks come from the timeline: each request or rework is one entry.
        var events = await Events(db, period, [TimelineActions.ReturnRequested, TimelineActions.ExtensionRequested, TimelineActions.Reworked])
            .Select(e => new { e.Action, e.At })
            .ToListAsync(ct);
        var returns = new int[buckets.Count];
        var extensions = new int[buckets.Count];
        var reworks = new int[buckets.Count];
        foreach (var e in events)
        {
            var target = e.Action switch
            {
                TimelineActions.ReturnRequested => returns,
                TimelineActions.ExtensionRequested => extensions,
                _ => reworks,
            };
            target[Slot(ChinaTime.DateOf(e.At))]++;
        }

        return new VolumeReportDto(from, to, interval, dimension, buckets, series, total, returns, extensions, reworks);
    }

    /// <summary>The timeline entries of <paramref name="actions"/> in the period: what the returns, extensions and reworks count (and list, in a drill-down).</summary>
    public static IQueryable<TimelineEntry> Events(HotlineDbContext db, KpiPeriod period, string[] actions)
    {
        var (fromUtc, toUtc) = (period.FromUtc, period.ToUtc);
        return db.TimelineEntries.AsNoTracking().Where(e => actions.Contains(e.Action) && e.At >= fromUtc && e.At < toUtc);
    }

    /// <summary>The first day of the bucket <paramref name="day"/> falls in: itself, its Monday, or the 1st of its month.</summary>
    public static DateOnly BucketOf(DateOnly day, VolumeInterval interval) => interval switch
    {
        VolumeInterval.Week => day.AddDays(-(((int)day.DayOfWeek + 6) % 7)),
        VolumeInterval.Month => new DateOnly(day.Year, day.Month, 1),
        _ => day,
    };

    private static List<DateOnly> Buckets(DateOnly from, DateOnly to, VolumeInterval interval)
    {
        var list = new List<DateOnly>();
        for (var b = BucketOf(from, interval); b <= to; b = interval switch
        {
            VolumeInterval.Week => b.AddDays(7),
            VolumeInterval.Month => b.AddMonths(1),
            _ => b.AddDays(1),
        })
        {
            list.Add(b);
        }

        return list;
    }

    private async Task<Dictionary<string, string>> NamesAsync(VolumeDimension dimension, CancellationToken ct) => dimension switch
    {
        VolumeDimension.Channel => Enum.GetValues<Channel>().ToDictionary(c => c.ToString(), ChineseLabels.Channel),
        VolumeDimension.Type => Enum.GetValues<TicketType>().ToDictionary(t => t.ToString(), ChineseLabels.Type),
        VolumeDimension.Category => await db.Categories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Name, ct),
        _ => await db.Districts.AsNoTracking().ToDictionaryAsync(d => d.Code, d => d.Name, ct),
    };
}
