using Hotline.Contracts.Audit;
using FluentValidation;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using Hotline.Domain.Calendar;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.ReplaceCalendarYear;

/// <summary>
/// Replaces a year's holidays and adjusted working days (from the State Council's notice). Days not listed
/// follow Monday–Friday. Deadlines already stamped on orders do not move.
/// </summary>
public sealed record ReplaceCalendarYear(int Year, IReadOnlyList<CalendarDayDto>? Days) : IRequest<IReadOnlyList<CalendarDayDto>>, Hotline.Core.Features.Audit.IAuditedRequest
{
    public string AuditAction => AuditActions.CalendarSaved;
    public string? AuditSummary => $"导入 {Year} 年法定节假日与调休：{Days?.Count ?? 0} 天";
    public string? AuditTargetType => "CalendarYear";
    public string? AuditTargetId => Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class ReplaceCalendarYearValidator : AbstractValidator<ReplaceCalendarYear>
{
    public ReplaceCalendarYearValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year");
        RuleFor(x => x.Days).NotNull().OverridePropertyName("days");
        RuleForEach(x => x.Days).NotNull().OverridePropertyName("days");
        RuleForEach(x => x.Days).ChildRules(day =>
        {
            day.RuleFor(d => d.Kind).IsInEnum();
            day.RuleFor(d => d.Name).NotEmpty().MaximumLength(50);
        }).OverridePropertyName("days");
        RuleFor(x => x.Days).Must((x, days) => days!.All(d => d.Date.Year == x.Year))
            .When(x => x.Days?.All(d => d is not null) == true).OverridePropertyName("days").WithMessage("所有日期必须属于该年份。");
        RuleFor(x => x.Days).Must(days => days!.Select(d => d.Date).Distinct().Count() == days!.Count)
            .When(x => x.Days?.All(d => d is not null) == true).OverridePropertyName("days").WithMessage("日期重复。");
    }
}

public sealed class ReplaceCalendarYearHandler(HotlineDbContext db, ReferenceDataCache reference) : IRequestHandler<ReplaceCalendarYear, IReadOnlyList<CalendarDayDto>>
{
    public async Task<IReadOnlyList<CalendarDayDto>> Handle(ReplaceCalendarYear request, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var existing = await db.CalendarDays.Where(d => d.Date >= first && d.Date <= last).ToListAsync(cancellationToken);
        db.CalendarDays.RemoveRange(existing);
        await db.SaveChangesAsync(cancellationToken);
        db.CalendarDays.AddRange(request.Days!.Select(d => new CalendarDay(d.Date, d.Kind, d.Name.Trim())));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        reference.Invalidate();
        return request.Days!.OrderBy(d => d.Date).ToList();
    }
}
