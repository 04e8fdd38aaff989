using FluentValidation;

namespace Hotline.Core.Features.Kpis;

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
