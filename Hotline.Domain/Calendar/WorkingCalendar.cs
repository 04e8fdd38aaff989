using Hotline.Contracts;

namespace Hotline.Domain.Calendar;

/// <summary>
/// The statutory calendar: weekends are off except adjusted working days, public holidays are off.
/// Immutable; built from the calendar table and shared by every request until the table changes.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly Dictionary<DateOnly, CalendarDayKind> _exceptions;

    public WorkingCalendar(IEnumerable<CalendarDay> days)
    {
        _exceptions = days.ToDictionary(d => d.Date, d => d.Kind);
    }

    public static WorkingCalendar Empty { get; } = new([]);

    public bool IsWorkingDay(DateOnly date)
    {
        if (_exceptions.TryGetValue(date, out var kind))
        {
            return kind == CalendarDayKind.Workday;
        }

        return date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
    }

    /// <summary>
    /// The N-th working day after <paramref name="start"/>: the day the clock starts on is not counted
    /// (the legal way of counting periods).
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly start, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = start;
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>How many working days fall after <paramref name="after"/> up to and including <paramref name="until"/> (0 when none).</summary>
    public int CountWorkingDays(DateOnly after, DateOnly until)
    {
        var count = 0;
        for (var day = after.AddDays(1); day <= until; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}
