using Hotline.Contracts;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Tickets.RecordCallback;
using Shouldly;

namespace Hotline.UnitTests.Validation;

public sealed class RecordCallbackValidatorTests
{
    private readonly RecordCallbackValidator _validator = new();

    [Theory]
    [InlineData(CallbackOutcome.Satisfied, true)]
    [InlineData(CallbackOutcome.BasicallySatisfied, false)]
    [InlineData(CallbackOutcome.Dissatisfied, false)]
    [InlineData(CallbackOutcome.Unreachable, null)]
    public void Validate_Should_Pass_When_OutcomeAndRequiredSolvedGiven(CallbackOutcome outcome, bool? solved)
    {
        _validator.Validate(new RecordCallback(Guid.NewGuid(), outcome, solved, "回访记录", 4)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_Should_FailOnOutcome_When_OutcomeMissing()
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), null, true, null, null));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["outcome"]);
    }

    [Fact]
    public void Validate_Should_FailOnOutcome_When_OutcomeIsUndefined()
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), (CallbackOutcome)42, true, null, null));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["outcome"]);
    }

    [Theory]
    [InlineData(CallbackOutcome.Satisfied)]
    [InlineData(CallbackOutcome.BasicallySatisfied)]
    [InlineData(CallbackOutcome.Dissatisfied)]
    public void Validate_Should_FailOnSolved_When_SolvedMissingAndCitizenReached(CallbackOutcome outcome)
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), outcome, null, null, null));

        var error = result.Errors.ShouldHaveSingleItem();
        error.PropertyName.ShouldBe("solved");
        error.ErrorMessage.ShouldBe("请记录问题是否解决。");
    }

    [Fact]
    public void Validate_Should_FailOnNote_When_NoteTooLong()
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), CallbackOutcome.Satisfied, true, new string('记', Ticket.MaxNoteLength + 1), null));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["note"]);
    }
}
