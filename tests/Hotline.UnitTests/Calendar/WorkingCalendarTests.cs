using Hotline.Contracts;
using Hotline.Core.Data.Seeding;
using Hotline.Domain.Calendar;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Statutory = StatutoryCalendar.Instance;

    [Theory]
    [InlineData("2026-01-02")] // 元旦, a Friday
    [InlineData("2026-02-16")] // 春节, a Monday
    [InlineData("2026-02-17")]
    [InlineData("2026-02-23")] // last day of the Spring Festival break, a Monday
    [InlineData("2026-04-06")] // 清明节, a Monday
    [InlineData("2026-05-05")] // 劳动节, a Tuesday
    [InlineData("2026-06-19")] // 端午节, a Friday
    [InlineData("2026-09-25")] // 中秋节, a Friday
    [InlineData("2026-10-01")] // 国庆节, a Thursday
    [InlineData("2026-10-07")] // 国庆节, a Wednesday
    [InlineData("2025-10-08")] // 2025 National Day and Mid-Autumn, a Wednesday
    public void IsWorkingDay_Should_BeFalse_When_PublicHoliday(string date)
    {
        Statutory.IsWorkingDay(DateOnly.Parse(date)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-01-04")] // Sunday
    [InlineData("2026-02-14")] // Saturday
    [InlineData("2026-02-28")] // Saturday
    [InlineData("2026-05-09")] // Saturday
    [InlineData("2026-09-20")] // Sunday
    [InlineData("2026-10-10")] // Saturday
    [InlineData("2025-01-26")] // Sunday
    public void IsWorkingDay_Should_BeTrue_When_AdjustedWorkingWeekendDay(string date)
    {
        Statutory.IsWorkingDay(DateOnly.Parse(date)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-10-11")] // the Sunday after the adjusted Saturday
    [InlineData("2026-03-07")]
    [InlineData("2026-03-08")]
    [InlineData("2026-02-21")] // a weekend inside the Spring Festival break
    public void IsWorkingDay_Should_BeFalse_When_OrdinaryWeekend(string date)
    {
        Statutory.IsWorkingDay(DateOnly.Parse(date)).ShouldBeFalse();
    }

    [Theory]
    [InlineData("2026-03-09")]
    [InlineData("2026-10-09")]
    [InlineData("2026-02-13")]
    [InlineData("2026-02-24")]
    public void IsWorkingDay_Should_BeTrue_When_OrdinaryWeekday(string date)
    {
        Statutory.IsWorkingDay(DateOnly.Parse(date)).ShouldBeTrue();
    }

    [Theory]
    [InlineData("2026-10-01", true)]
    [InlineData("2026-02-17", true)]
    [InlineData("2026-10-10", false)]
    [InlineData("2026-10-11", false)]
    public void IsWorkingDay_Should_FollowMondayToFriday_When_CalendarIsEmpty(string date, bool expected)
    {
        WorkingCalendar.Empty.IsWorkingDay(DateOnly.Parse(date)).ShouldBe(expected);
    }

    [Fact]
    public void AddWorkingDays_Should_ReturnStart_When_ZeroDays()
    {
        Statutory.AddWorkingDays(new DateOnly(2026, 10, 1), 0).ShouldBe(new DateOnly(2026, 10, 1));
    }

    [Fact]
    public void AddWorkingDays_Should_Throw_When_DaysAreNegative()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Statutory.AddWorkingDays(new DateOnly(2026, 10, 1), -1));
    }

    [Fact]
    public void AddWorkingDays_Should_HonourCustomExceptions_When_CalendarBuiltFromDays()
    {
        var calendar = new WorkingCalendar(
        [
            new CalendarDay(new DateOnly(2030, 1, 7), CalendarDayKind.Holiday, "测试假日"),
            new CalendarDay(new DateOnly(2030, 1, 12), CalendarDayKind.Workday, "测试调休"),
        ]);

        // Fri 4 Jan 2030 + 1 working day skips the weekend and the Monday holiday.
        calendar.AddWorkingDays(new DateOnly(2030, 1, 4), 1).ShouldBe(new DateOnly(2030, 1, 8));
        calendar.AddWorkingDays(new DateOnly(2030, 1, 11), 1).ShouldBe(new DateOnly(2030, 1, 12));
    }

    [Fact]
    public void LoadStatutoryCalendar_Should_Hold2026NoticeDays_When_Loaded()
    {
        var days2026 = DatabaseInitializer.LoadStatutoryCalendar().Where(d => d.Date.Year == 2026).ToList();

        days2026.Count(d => d.Kind == CalendarDayKind.Holiday).ShouldBe(33);
        days2026.Where(d => d.Kind == CalendarDayKind.Workday).Select(d => d.Date).ShouldBe(
        [
            new DateOnly(2026, 1, 4),
            new DateOnly(2026, 2, 14),
            new DateOnly(2026, 2, 28),
            new DateOnly(2026, 5, 9),
            new DateOnly(2026, 9, 20),
            new DateOnly(2026, 10, 10),
        ]);
        days2026.Where(d => d.Name == "春节").Select(d => d.Date).ShouldBe(
            Enumerable.Range(15, 9).Select(day => new DateOnly(2026, 2, day)));
        days2026.ShouldAllBe(d => !string.IsNullOrWhiteSpace(d.Name));
    }

    [Fact]
    public void LoadStatutoryCalendar_Should_ListEachDateOnce_When_Loaded()
    {
        var days = DatabaseInitializer.LoadStatutoryCalendar();

        days.Select(d => d.Date).Distinct().Count().ShouldBe(days.Count);
        days.Select(d => d.Date.Year).Distinct().Order().ShouldBe([2025, 2026]);
        days.Where(d => d.Kind == CalendarDayKind.Workday).ShouldAllBe(d => d.Date.DayOfWeek == DayOfWeek.Saturday || d.Date.DayOfWeek == DayOfWeek.Sunday);
    }
}
