using System.ComponentModel.DataAnnotations;
using Hotline.Core.Features.Deadlines;
using Shouldly;

namespace Hotline.UnitTests.Deadlines;

public sealed class DeadlineOptionsTests
{
    [Theory]
    [InlineData(20, "*/20 * * * * *")]
    [InlineData(1, "*/1 * * * * *")]
    [InlineData(60, "*/1 * * * *")]
    [InlineData(300, "*/5 * * * *")]
    [InlineData(3600, "0 * * * *")]
    public void SweepCron_Should_FollowTheInterval_When_ItIsValid(int seconds, string cron)
    {
        var options = new DeadlineOptions { SweepInterval = TimeSpan.FromSeconds(seconds) };

        Validate(options).ShouldBeEmpty();
        options.SweepCron().ShouldBe(cron);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(90)]
    [InlineData(420)]
    [InlineData(7200)]
    public void Validate_Should_Refuse_When_TheIntervalCannotBeACron(int seconds) =>
        Validate(new DeadlineOptions { SweepInterval = TimeSpan.FromSeconds(seconds) }).ShouldNotBeEmpty();

    [Fact]
    public void Validate_Should_Refuse_When_TheWarningShareIsOutOfRange() =>
        Validate(new DeadlineOptions { WarningShare = 1.5 }).ShouldNotBeEmpty();

    private static List<ValidationResult> Validate(DeadlineOptions options)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true);
        return results;
    }
}
