using Hotline.Contracts;

namespace Hotline.Domain.Calendar;

/// <summary>A day that departs from the Monday–Friday rule: a public holiday or an adjusted working day (调休上班).</summary>
public sealed class CalendarDay
{
    private CalendarDay()
    {
        Name = string.Empty;
    }

    public CalendarDay(DateOnly date, CalendarDayKind kind, string name)
    {
        Date = date;
        Kind = kind;
        Name = name;
    }

    public DateOnly Date { get; private set; }

    public CalendarDayKind Kind { get; private set; }

    public string Name { get; private set; }
}
