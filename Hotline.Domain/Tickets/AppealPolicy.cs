using Hotline.Domain.Calendar;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>
/// The appeal rule, data an Admin edits (one row): a verdict may be appealed until the end (China time) of the
/// <see cref="WindowWorkingDays"/>-th working day after the day of the verdict, by the statutory calendar.
/// </summary>
public sealed class AppealPolicy
{
    public const int SingletonId = 1;
    public const int DefaultWindowWorkingDays = 3;
    public const int MaxWindowWorkingDays = 30;

    private AppealPolicy()
    {
    }

    public AppealPolicy(int windowWorkingDays)
    {
        Id = SingletonId;
        WindowWorkingDays = windowWorkingDays;
    }

    public int Id { get; private set; }

    public int WindowWorkingDays { get; private set; }

    public void Change(int windowWorkingDays) => WindowWorkingDays = windowWorkingDays;

    /// <summary>
    /// When the window of a verdict at <paramref name="verdictAt"/> closes: 00:00 China time of the day after the N-th
    /// working day after the verdict's day (the day of the verdict is not counted, as for any legal period).
    /// </summary>
    public static DateTimeOffset WindowEndsAt(DateTimeOffset verdictAt, int windowWorkingDays, WorkingCalendar calendar) =>
        ChinaTime.StartOfDay(calendar.AddWorkingDays(ChinaTime.DateOf(verdictAt), windowWorkingDays).AddDays(1));
}
