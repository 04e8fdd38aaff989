using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Core.Features.Reference.ReplaceCalendarYear;
using Shouldly;

namespace Hotline.UnitTests.Validation;

public sealed class ReplaceCalendarYearValidatorTests
{
    private readonly ReplaceCalendarYearValidator _validator = new();

    [Fact]
    public void Validate_Should_Pass_When_DaysBelongToYearAndAreDistinct()
    {
        var result = _validator.Validate(new ReplaceCalendarYear(2027,
        [
            new CalendarDayDto(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦"),
            new CalendarDayDto(new DateOnly(2027, 2, 7), CalendarDayKind.Workday, "春节调休上班"),
        ]));

        result.IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_Should_Pass_When_YearHasNoExceptions()
    {
        _validator.Validate(new ReplaceCalendarYear(2027, [])).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(1999)]
    [InlineData(2101)]
    public void Validate_Should_FailOnYear_When_OutOfRange(int year)
    {
        _validator.Validate(new ReplaceCalendarYear(year, [])).Errors.Select(e => e.PropertyName).ShouldBe(["year"]);
    }

    [Fact]
    public void Validate_Should_FailOnDays_When_DaysMissing()
    {
        _validator.Validate(new ReplaceCalendarYear(2027, null)).Errors.Select(e => e.PropertyName).ShouldBe(["days"]);
    }

    [Fact]
    public void Validate_Should_FailOnDays_When_DateFromAnotherYear()
    {
        var result = _validator.Validate(new ReplaceCalendarYear(2027, [new CalendarDayDto(new DateOnly(2026, 12, 31), CalendarDayKind.Holiday, "元旦")]));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("所有日期必须属于该年份。");
    }

    [Fact]
    public void Validate_Should_FailOnDays_When_DateListedTwice()
    {
        var result = _validator.Validate(new ReplaceCalendarYear(2027,
        [
            new CalendarDayDto(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, "元旦"),
            new CalendarDayDto(new DateOnly(2027, 1, 1), CalendarDayKind.Workday, "元旦"),
        ]));

        result.Errors.ShouldHaveSingleItem().ErrorMessage.ShouldBe("日期重复。");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(51)]
    public void Validate_Should_FailOnDays_When_NameEmptyOrTooLong(int nameLength)
    {
        var name = new string('节', nameLength);
        var result = _validator.Validate(new ReplaceCalendarYear(2027, [new CalendarDayDto(new DateOnly(2027, 1, 1), CalendarDayKind.Holiday, name)]));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.PropertyName.StartsWith("days"));
    }
}
