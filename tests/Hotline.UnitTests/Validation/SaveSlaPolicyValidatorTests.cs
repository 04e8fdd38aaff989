using Hotline.Contracts;
using Hotline.Contracts.Reference;
using Hotline.Core.Features.Reference.SaveSlaPolicy;
using Shouldly;

namespace Hotline.UnitTests.Validation;

public sealed class SaveSlaPolicyValidatorTests
{
    private static readonly LimitDto TwoHours = new(2, LimitUnit.Hours);
    private static readonly LimitDto OneWorkingDay = new(1, LimitUnit.WorkingDays);
    private static readonly LimitDto FiveWorkingDays = new(5, LimitUnit.WorkingDays);

    private readonly SaveSlaPolicyValidator _validator = new();

    [Fact]
    public void Validate_Should_Pass_When_PolicyIsTheNormalDefault()
    {
        _validator.Validate(Save(TwoHours, OneWorkingDay, FiveWorkingDays)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(90, LimitUnit.WorkingDays)]
    [InlineData(2160, LimitUnit.Hours)]
    [InlineData(129600, LimitUnit.Minutes)]
    public void Validate_Should_Pass_When_LimitAtNinetyDayCeiling(int value, LimitUnit unit)
    {
        _validator.Validate(Save(TwoHours, OneWorkingDay, new LimitDto(value, unit))).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, LimitUnit.Minutes)]
    [InlineData(0, LimitUnit.Hours)]
    [InlineData(0, LimitUnit.WorkingDays)]
    [InlineData(-5, LimitUnit.Hours)]
    public void Validate_Should_FailOnAccept_When_ValueNotPositive(int value, LimitUnit unit)
    {
        var result = _validator.Validate(Save(new LimitDto(value, unit), OneWorkingDay, FiveWorkingDays));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.PropertyName.StartsWith("accept"));
    }

    [Theory]
    [InlineData(91, LimitUnit.WorkingDays)]
    [InlineData(2161, LimitUnit.Hours)]
    [InlineData(129601, LimitUnit.Minutes)]
    public void Validate_Should_FailOnReply_When_LimitOverNinetyDays(int value, LimitUnit unit)
    {
        var result = _validator.Validate(Save(TwoHours, OneWorkingDay, new LimitDto(value, unit)));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.PropertyName.StartsWith("reply"));
    }

    [Fact]
    public void Validate_Should_FailOnContact_When_LimitMissing()
    {
        var result = _validator.Validate(Save(TwoHours, null, FiveWorkingDays));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["contact"]);
    }

    [Fact]
    public void Validate_Should_FailOnContact_When_UnitUndefined()
    {
        var result = _validator.Validate(Save(TwoHours, new LimitDto(1, (LimitUnit)7), FiveWorkingDays));

        result.IsValid.ShouldBeFalse();
        result.Errors.ShouldAllBe(e => e.PropertyName.StartsWith("contact"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData((Urgency)9)]
    public void Validate_Should_FailOnTier_When_TierMissingOrUndefined(Urgency? tier)
    {
        var result = _validator.Validate(new SaveSlaPolicy(tier, new UpsertSlaPolicyRequest(TwoHours, OneWorkingDay, FiveWorkingDays)));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["tier"]);
    }

    private static SaveSlaPolicy Save(LimitDto? accept, LimitDto? contact, LimitDto? reply) =>
        new(Urgency.Normal, new UpsertSlaPolicyRequest(accept, contact, reply));
}
