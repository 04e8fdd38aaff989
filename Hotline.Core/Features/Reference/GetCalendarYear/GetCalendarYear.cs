using FluentValidation;
using Hotline.Contracts.Reference;
using Hotline.Core.Data;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Hotline.Core.Features.Reference.GetCalendarYear;

public sealed record GetCalendarYear(int Year) : IRequest<IReadOnlyList<CalendarDayDto>>;

public sealed class GetCalendarYearValidator : AbstractValidator<GetCalendarYear>
{
    public GetCalendarYearValidator() => RuleFor(x => x.Year).InclusiveBetween(2000, 2100).OverridePropertyName("year");
}

public sealed class GetCalendarYearHandler(HotlineDbContext db) : IRequestHandler<GetCalendarYear, IReadOnlyList<CalendarDayDto>>
{
    public async Task<IReadOnlyList<CalendarDayDto>> Handle(GetCalendarYear request, CancellationToken cancellationToken)
    {
        var (first, last) = (new DateOnly(request.Year, 1, 1), new DateOnly(request.Year, 12, 31));
        return await db.CalendarDays.AsNoTracking()
            .Where(d => d.Date >= first && d.Date <= last)
            .OrderBy(d => d.Date)
            .Select(d => new CalendarDayDto(d.Date, d.Kind, d.Name))
            .ToListAsync(cancellationToken);
    }
}
