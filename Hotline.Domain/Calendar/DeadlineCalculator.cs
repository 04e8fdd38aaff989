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
        Due(from, policy.Reply, calendar));
}
