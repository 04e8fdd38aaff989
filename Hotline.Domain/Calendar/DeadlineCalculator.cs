using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Domain.Calendar;

/// <summary>
/// Turns SLA limits into due instants. Clock limits run around the clock; working-day limits do not
/// count the start day and end at 24:00 China time of the N-th working day, stored as the next midnight.
/// </summary>
public static class DeadlineCalculator
{
    public static DateTimeOffset Due(DateTimeOffset from, SlaLimit limit, WorkingCalendar calendar) => limit.Unit switch
    {
        LimitUnit.Minutes => from.ToUniversalTime().AddMinutes(limit.Value),
        LimitUnit.Hours => from.ToUniversalTime().AddHours(limit.Value),
        LimitUnit.WorkingDays => ChinaTime.StartOfDay(calendar.AddWorkingDays(ChinaTime.DateOf(from), limit.Value).AddDays(1)),
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit.Unit, "Unknown limit unit."),
    };

    public static StageDeadlines For(DateTimeOffset from, SlaPolicy policy, WorkingCalendar calendar) => new(
        Due(from, policy.Accept, calendar),
        Due(from, policy.Contact, calendar),
        Due(from, policy.Reply, calendar),
        (policy.Accept.Unit == LimitUnit.WorkingDays ? WorkingDayStages.Accept : WorkingDayStages.None)
            | (policy.Contact.Unit == LimitUnit.WorkingDays ? WorkingDayStages.Contact : WorkingDayStages.None)
            | (policy.Reply.Unit == LimitUnit.WorkingDays ? WorkingDayStages.Reply : WorkingDayStages.None));

    /// <summary>
    /// 挂起 then 恢复: the due instant of a clock that was stopped at <paramref name="since"/> and restarts at
    /// <paramref name="resumedAt"/> with the time it had left. A clock in clock time moves by the time stopped. A clock in
    /// working days keeps the working days it had left after the day it stopped on (that day's rest is not given back,
    /// as the day a clock starts on is not counted) and counts them again after the day it restarts on, across holidays
    /// and adjusted working days; it still ends at 24:00 China time. A clock already past its deadline when it stopped
    /// keeps it: suspension never excuses lateness that had already happened.
    /// </summary>
    public static DateTimeOffset Resumed(DateTimeOffset due, bool inWorkingDays, DateTimeOffset since, DateTimeOffset resumedAt, WorkingCalendar calendar)
    {
        if (due <= since || resumedAt <= since)
        {
            return due;
        }

        if (!inWorkingDays)
        {
            return due + (resumedAt - since);
        }

        // The day the deadline falls in: a working-day deadline is the midnight that ends its last day.
        var lastDay = ChinaTime.DateOf(due.AddTicks(-1));
        var left = calendar.CountWorkingDays(ChinaTime.DateOf(since), lastDay);
        return ChinaTime.StartOfDay(calendar.AddWorkingDays(ChinaTime.DateOf(resumedAt), left).AddDays(1));
    }
}
