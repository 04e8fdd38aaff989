using Hotline.Contracts;
using Hotline.Core.Features.Callbacks;
using Hotline.Domain.Calendar;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Callbacks;

/// <summary>When an unreached citizen is called again (Callbacks:RetryDelay, the calling hours, the statutory calendar).</summary>
public sealed class CallbackRetryTimeTests
{
    private readonly CallbackOptions _options = new();

    [Fact]
    public void RetryAt_Should_BeTwoHoursLater_When_StillInsideTheCallingHours()
    {
        _options.RetryAt(CallbackRetry.InTwoHours, WorkingCalendar.Empty, China.At(2026, 6, 3, 10)).ShouldBe(China.At(2026, 6, 3, 12));
    }

    [Fact]
    public void RetryAt_Should_MoveToTheNextMorning_When_TwoHoursLaterIsAfterTheCallingHours()
    {
        _options.RetryAt(CallbackRetry.InTwoHours, WorkingCalendar.Empty, China.At(2026, 6, 3, 19)).ShouldBe(China.At(2026, 6, 4, 8));
    }

    [Fact]
    public void RetryAt_Should_BeMondayNine_When_NextWorkingDayIsAskedOnFriday()
    {
        _options.RetryAt(CallbackRetry.NextWorkingDay, WorkingCalendar.Empty, China.At(2026, 6, 5, 15)).ShouldBe(China.At(2026, 6, 8, 9));
    }

    [Fact]
    public void RetryAt_Should_FollowTheStatutoryCalendar_When_AHolidayAndAnAdjustedWorkday_Follow()
    {
        // Thursday 2026-10-01 to Wednesday 10-07 off, Saturday 10-10 an adjusted working day (调休).
        var days = Enumerable.Range(1, 7).Select(d => new CalendarDay(new DateOnly(2026, 10, d), CalendarDayKind.Holiday, "国庆节"))
            .Append(new CalendarDay(new DateOnly(2026, 10, 10), CalendarDayKind.Workday, "国庆节调休"));
        var calendar = new WorkingCalendar(days);

        _options.RetryAt(CallbackRetry.NextWorkingDay, calendar, China.At(2026, 9, 30, 16)).ShouldBe(China.At(2026, 10, 8, 9));
        _options.RetryAt(CallbackRetry.NextWorkingDay, calendar, China.At(2026, 10, 9, 16)).ShouldBe(China.At(2026, 10, 10, 9));
    }
}
