using Hotline.Domain.Common;

namespace Hotline.Core.Features.Kpis;

/// <summary>A period of whole China days, <see cref="From"/> to <see cref="To"/> inclusive, as a half-open UTC range.</summary>
public sealed record KpiPeriod(DateOnly From, DateOnly To)
{
    public DateTimeOffset FromUtc => ChinaTime.StartOfDay(From);

    public DateTimeOffset ToUtc => ChinaTime.StartOfDay(To.AddDays(1));

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The period asked for, or the current China month up to today when neither end is given.</summary>
    public static KpiPeriod Resolve(DateOnly? from, DateOnly? to, TimeProvider time)
    {
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var start = from ?? new DateOnly((to ?? today).Year, (to ?? today).Month, 1);
        return new KpiPeriod(start, to ?? (from is null ? today : start.AddMonths(1).AddDays(-1)));
    }
}
