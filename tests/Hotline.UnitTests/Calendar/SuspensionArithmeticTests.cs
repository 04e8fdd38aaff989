using Hotline.Domain.Calendar;
using Hotline.Domain.Common;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Calendar;

/// <summary>
/// 挂起 and 恢复 on the 2026 statutory calendar (db/seed): a clock restarts with the time it had left, in its own unit;
/// working days count across holidays and adjusted working days (调休) as on any other day.
/// </summary>
public sealed class SuspensionArithmeticTests
{
    private static readonly WorkingCalendar Calendar = StatutoryCalendar.Instance;

    private static DateTimeOffset EndOf(int year, int month, int day) => ChinaTime.StartOfDay(new DateOnly(year, month, day).AddDays(1));

    [Fact]
    public void Resumed_Should_CountTheWorkingDaysLeftAfterNationalDay_When_SuspendedBeforeMidAutumnAndResumedInTheHoliday()
    {
        // Due at the end of Wed 30 Sep; stopped Wed 23 Sep 15:00: left are 24, 28, 29, 30 Sep (25–27 is 中秋).
        var due = EndOf(2026, 9, 30);
        var since = China.At(2026, 9, 23, 15);
        var resumed = China.At(2026, 10, 3, 10);

        // 1–7 Oct off; then Thu 8, Fri 9, Sat 10 (调休上班), Mon 12.
        DeadlineCalculator.Resumed(due, inWorkingDays: true, since, resumed, Calendar).ShouldBe(EndOf(2026, 10, 12));
    }

    [Fact]
    public void Resumed_Should_CountAnAdjustedSaturdayAsAWorkingDay_When_SpringFestivalFallsInTheSuspension()
    {
        // Due at the end of Sat 14 Feb (春节调休上班); stopped Thu 12 Feb: left are Fri 13 and Sat 14.
        var due = EndOf(2026, 2, 14);
        var since = China.At(2026, 2, 12, 9);
        var resumed = China.At(2026, 2, 20, 11);

        // 15–23 Feb off: Tue 24 and Wed 25.
        DeadlineCalculator.Resumed(due, inWorkingDays: true, since, resumed, Calendar).ShouldBe(EndOf(2026, 2, 25));
    }

    [Fact]
    public void Resumed_Should_SkipTheWeekend_When_ResumedOnAFriday()
    {
        // Due end of Mon 8 Jun, stopped Tue 2 Jun 10:00: left 3, 4, 5, 8 Jun. Resumed Fri 12 Jun: 15, 16, 17, 18 Jun (19 Jun is 端午).
        DeadlineCalculator.Resumed(EndOf(2026, 6, 8), true, China.At(2026, 6, 2, 10), China.At(2026, 6, 12, 17), Calendar).ShouldBe(EndOf(2026, 6, 18));
    }

    [Fact]
    public void Resumed_Should_KeepTheDeadline_When_SuspendedAndResumedOnTheSameDay()
    {
        var due = EndOf(2026, 6, 8);

        DeadlineCalculator.Resumed(due, true, China.At(2026, 6, 2, 9), China.At(2026, 6, 2, 17), Calendar).ShouldBe(due);
    }

    [Fact]
    public void Resumed_Should_GiveTheRestOfTheResumeDay_When_SuspendedOnTheLastDay()
    {
        // Nothing was left after the day it stopped on: the clock ends with the day it restarts on.
        DeadlineCalculator.Resumed(EndOf(2026, 6, 8), true, China.At(2026, 6, 8, 10), China.At(2026, 6, 10, 14), Calendar).ShouldBe(EndOf(2026, 6, 10));
    }

    [Fact]
    public void Resumed_Should_MoveByTheTimeStopped_When_TheClockCountsHours()
    {
        // A 24 h clock runs through holidays: stopped 30 Sep 20:00 with 6 h left, resumed 3 Oct 08:30.
        var due = China.At(2026, 10, 1, 2);

        DeadlineCalculator.Resumed(due, false, China.At(2026, 9, 30, 20), China.At(2026, 10, 3, 8, 30), Calendar).ShouldBe(China.At(2026, 10, 3, 14, 30));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Resumed_Should_KeepAPassedDeadline_When_TheClockWasAlreadyLateWhenItStopped(bool inWorkingDays)
    {
        var due = China.At(2026, 6, 3);

        DeadlineCalculator.Resumed(due, inWorkingDays, China.At(2026, 6, 4, 9), China.At(2026, 6, 10, 9), Calendar).ShouldBe(due);
    }

    [Fact]
    public void CountWorkingDays_Should_CountAdjustedWorkdaysAndSkipHolidays_When_ARangeCoversNationalDay()
    {
        // After 30 Sep up to 12 Oct: 8, 9, 10 (调休), 12 Oct.
        Calendar.CountWorkingDays(new DateOnly(2026, 9, 30), new DateOnly(2026, 10, 12)).ShouldBe(4);
        Calendar.CountWorkingDays(new DateOnly(2026, 10, 12), new DateOnly(2026, 10, 12)).ShouldBe(0);
    }
}
