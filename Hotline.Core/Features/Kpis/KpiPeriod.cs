using FluentValidation;
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

/// <summary>A request over a period: both ends optional (the current month), <c>from ≤ to</c>, at most Kpis:MaxRangeDays.</summary>
public interface IPeriodRequest
{
    DateOnly? From { get; }

    DateOnly? To { get; }
}

internal static class PeriodRules
{
    public static void AddPeriodRules<T>(this AbstractValidator<T> validator, KpiOptions options)
        where T : IPeriodRequest
    {
        validator.RuleFor(r => r.To)
            .Must((r, to) => r.From is null || to is null || r.From <= to)
            .WithMessage("开始日期不能晚于结束日期（from ≤ to）。");
        validator.RuleFor(r => r.To)
            .Must((r, to) => r.From is null || to is null || to.Value.DayNumber - r.From.Value.DayNumber + 1 <= options.MaxRangeDays)
            .WithMessage($"统计区间不能超过 {options.MaxRangeDays} 天。");
        validator.RuleFor(r => r.From)
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100))
            .WithMessage("日期须在 2000–2100 年之间。");
        validator.RuleFor(r => r.To)
            .Must(d => d is null || (d.Value.Year >= 2000 && d.Value.Year <= 2100))
            .WithMessage("日期须在 2000–2100 年之间。");
    }
}
