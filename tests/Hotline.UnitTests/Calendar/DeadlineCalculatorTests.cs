using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Calendar;

/// <summary>Working-day and clock arithmetic against the real 2026 statutory calendar.</summary>
public sealed class DeadlineCalculatorTests
{
    private static readonly WorkingCalendar Statutory = StatutoryCalendar.Instance;

    private static readonly SlaPolicy Normal = SlaPolicy.Defaults().Single(p => p.Tier == Urgency.Normal);

    [Fact]
    public void For_Should_MatchDomainExample_When_NormalOrderDispatchedBeforeNationalDay()
    {
        var deadlines = DeadlineCalculator.For(China.At(2026, 9, 30, 10), Normal, Statutory);

        deadlines.AcceptDueAt.ShouldBe(China.Parse("2026-09-30T12:00:00+08:00"));
        deadlines.ContactDueAt.ShouldBe(China.Parse("2026-10-09T00:00:00+08:00"));
        deadlines.ReplyDueAt.ShouldBe(China.Parse("2026-10-14T00:00:00+08:00"));
    }

    [Fact]
    public void For_Should_ReturnUtcInstants_When_StartGivenInChinaTime()
    {
        var deadlines = DeadlineCalculator.For(China.At(2026, 9, 30, 10), Normal, Statutory);

        deadlines.AcceptDueAt.Offset.ShouldBe(TimeSpan.Zero);
        deadlines.ContactDueAt.Offset.ShouldBe(TimeSpan.Zero);
        deadlines.ReplyDueAt.Offset.ShouldBe(TimeSpan.Zero);
        deadlines.ContactDueAt.UtcDateTime.ShouldBe(new DateTime(2026, 10, 8, 16, 0, 0, DateTimeKind.Utc));
    }

    [Theory]
    // Thu before the Spring Festival: Fri 13th, then Sat 14th (调休上班), then nine days off to Mon 23rd.
    [InlineData("2026-02-12T10:00:00+08:00", 1, "2026-02-14T00:00:00+08:00")]
    [InlineData("2026-02-12T10:00:00+08:00", 2, "2026-02-15T00:00:00+08:00")]
    [InlineData("2026-02-12T10:00:00+08:00", 3, "2026-02-25T00:00:00+08:00")]
    [InlineData("2026-02-13T10:00:00+08:00", 1, "2026-02-15T00:00:00+08:00")]
    [InlineData("2026-02-13T10:00:00+08:00", 5, "2026-02-28T00:00:00+08:00")]
    [InlineData("2026-02-13T10:00:00+08:00", 6, "2026-03-01T00:00:00+08:00")]
    // Started on a holiday: counting begins with the first working day after it.
    [InlineData("2026-02-18T09:00:00+08:00", 1, "2026-02-25T00:00:00+08:00")]
    [InlineData("2026-02-18T09:00:00+08:00", 5, "2026-03-01T00:00:00+08:00")]
    [InlineData("2026-02-18T09:00:00+08:00", 15, "2026-03-14T00:00:00+08:00")]
    // Started on an adjusted working Saturday.
    [InlineData("2026-02-14T10:00:00+08:00", 1, "2026-02-25T00:00:00+08:00")]
    [InlineData("2026-02-28T10:00:00+08:00", 1, "2026-03-03T00:00:00+08:00")]
    public void Due_Should_SkipSpringFestivalAndCountAdjustedSaturdays_When_WorkingDayLimit(string from, int days, string expected)
    {
        var due = DeadlineCalculator.Due(China.Parse(from), new SlaLimit(days, LimitUnit.WorkingDays), Statutory);

        due.ShouldBe(China.Parse(expected));
    }

    [Theory]
    [InlineData("2026-09-30T10:00:00+08:00", 1, "2026-10-09T00:00:00+08:00")]
    [InlineData("2026-09-30T10:00:00+08:00", 3, "2026-10-11T00:00:00+08:00")]
    [InlineData("2026-09-30T10:00:00+08:00", 4, "2026-10-13T00:00:00+08:00")]
    [InlineData("2026-09-30T10:00:00+08:00", 5, "2026-10-14T00:00:00+08:00")]
    // Fri 9 Oct: the next working day is the adjusted Saturday 10 Oct.
    [InlineData("2026-10-09T10:00:00+08:00", 1, "2026-10-11T00:00:00+08:00")]
    // Sat 10 Oct is a working day but Sun 11 Oct is off.
    [InlineData("2026-10-10T10:00:00+08:00", 1, "2026-10-13T00:00:00+08:00")]
    // Mid-Autumn Festival (Fri 25 – Sun 27 Sep) and the adjusted Sunday 20 Sep.
    [InlineData("2026-09-24T10:00:00+08:00", 1, "2026-09-29T00:00:00+08:00")]
    [InlineData("2026-09-19T10:00:00+08:00", 1, "2026-09-21T00:00:00+08:00")]
    public void Due_Should_FollowNationalDayCalendar_When_WorkingDayLimit(string from, int days, string expected)
    {
        var due = DeadlineCalculator.Due(China.Parse(from), new SlaLimit(days, LimitUnit.WorkingDays), Statutory);

        due.ShouldBe(China.Parse(expected));
    }

    [Theory]
    // 23:30 China time on Wed 30 Sep, given in UTC.
    [InlineData("2026-09-30T15:30:00+00:00", "2026-10-09T00:00:00+08:00")]
    // 07:00 China time on Wed 30 Sep is still Tue 29 Sep in UTC: counting from the UTC date would end on 1 Oct.
    [InlineData("2026-09-29T23:00:00+00:00", "2026-10-09T00:00:00+08:00")]
    // 00:30 China time on the adjusted working Saturday 14 Feb is Fri 13 Feb in UTC.
    [InlineData("2026-02-13T16:30:00+00:00", "2026-02-25T00:00:00+08:00")]
    // 23:30 China time on Fri 13 Feb.
    [InlineData("2026-02-13T15:30:00+00:00", "2026-02-15T00:00:00+08:00")]
    public void Due_Should_CountFromChinaDate_When_StartGivenInUtc(string from, string expected)
    {
        var due = DeadlineCalculator.Due(China.Parse(from), new SlaLimit(1, LimitUnit.WorkingDays), Statutory);

        due.ShouldBe(China.Parse(expected));
    }

    [Theory]
    [InlineData("2026-09-30T22:00:00+08:00", 1, LimitUnit.Hours, "2026-09-30T23:00:00+08:00")]
    [InlineData("2026-09-30T22:00:00+08:00", 4, LimitUnit.Hours, "2026-10-01T02:00:00+08:00")]
    [InlineData("2026-09-30T22:00:00+08:00", 24, LimitUnit.Hours, "2026-10-01T22:00:00+08:00")]
    [InlineData("2026-02-15T08:00:00+08:00", 72, LimitUnit.Hours, "2026-02-18T08:00:00+08:00")]
    [InlineData("2026-02-17T23:45:00+08:00", 30, LimitUnit.Minutes, "2026-02-18T00:15:00+08:00")]
    [InlineData("2026-10-11T10:00:00+08:00", 90, LimitUnit.Minutes, "2026-10-11T11:30:00+08:00")]
    public void Due_Should_RunAroundTheClock_When_ClockLimitCrossesHolidaysAndWeekends(string from, int value, LimitUnit unit, string expected)
    {
        var due = DeadlineCalculator.Due(China.Parse(from), new SlaLimit(value, unit), Statutory);

        due.ShouldBe(China.Parse(expected));
        due.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public void For_Should_UseClockLimits_When_UrgentOrderDispatchedOnHoliday()
    {
        var urgent = SlaPolicy.Defaults().Single(p => p.Tier == Urgency.Urgent);

        var deadlines = DeadlineCalculator.For(China.At(2026, 10, 1, 9), urgent, Statutory);

        deadlines.AcceptDueAt.ShouldBe(China.At(2026, 10, 1, 10));
        deadlines.ContactDueAt.ShouldBe(China.At(2026, 10, 1, 13));
        deadlines.ReplyDueAt.ShouldBe(China.At(2026, 10, 2, 9));
    }

    [Theory]
    // With no exceptions, 1–7 Oct are ordinary days: only weekends are off.
    [InlineData("2026-10-02T10:00:00+08:00", 1, "2026-10-06T00:00:00+08:00")]
    [InlineData("2026-09-30T10:00:00+08:00", 5, "2026-10-08T00:00:00+08:00")]
    [InlineData("2026-10-10T10:00:00+08:00", 1, "2026-10-13T00:00:00+08:00")]
    public void Due_Should_FollowMondayToFriday_When_CalendarIsEmpty(string from, int days, string expected)
    {
        var due = DeadlineCalculator.Due(China.Parse(from), new SlaLimit(days, LimitUnit.WorkingDays), WorkingCalendar.Empty);

        due.ShouldBe(China.Parse(expected));
    }

    [Fact]
    public void For_Should_GiveComplexTierFifteenWorkingDays_When_DispatchedOnHoliday()
    {
        var complex = SlaPolicy.Defaults().Single(p => p.Tier == Urgency.Complex);

        var deadlines = DeadlineCalculator.For(China.At(2026, 2, 18, 9), complex, Statutory);

        deadlines.AcceptDueAt.ShouldBe(China.At(2026, 2, 18, 11));
        deadlines.ContactDueAt.ShouldBe(China.At(2026, 2, 25));
        deadlines.ReplyDueAt.ShouldBe(China.At(2026, 3, 14));
    }
}
