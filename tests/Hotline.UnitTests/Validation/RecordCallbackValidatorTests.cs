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
        var reason = outcome == CallbackOutcome.Dissatisfied ? "unresolved" : null;
        _validator.Validate(new RecordCallback(Guid.NewGuid(), outcome, solved, "回访记录", 4, reason)).IsValid.ShouldBeTrue();
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
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), outcome, null, null, null, outcome == CallbackOutcome.Dissatisfied ? "other" : null));

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

    [Fact]
    public void Validate_Should_RequireReason_When_Dissatisfied()
    {
        var error = _validator.Validate(new RecordCallback(Guid.NewGuid(), CallbackOutcome.Dissatisfied, false, null, null)).Errors.ShouldHaveSingleItem();

        error.PropertyName.ShouldBe("reasonCode");
        error.ErrorMessage.ShouldBe("市民不满意时请选择不满意原因。");
    }

    [Theory]
    [InlineData(CallbackOutcome.Satisfied, true)]
    [InlineData(CallbackOutcome.Unreachable, null)]
    public void Validate_Should_RefuseReason_When_NotDissatisfied(CallbackOutcome outcome, bool? solved)
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), outcome, solved, null, null, "attitude"));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["reasonCode"]);
    }

    [Fact]
    public void Validate_Should_RefuseContactFailure_When_CitizenReached()
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), CallbackOutcome.Satisfied, true, null, null, null, ContactFailure.NoAnswer));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["contactFailure"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(ContactFailure.WrongNumber)]
    public void Validate_Should_RefuseRetry_When_NoRetriableFailure(ContactFailure? failure)
    {
        var result = _validator.Validate(new RecordCallback(Guid.NewGuid(), CallbackOutcome.Unreachable, null, null, null, null, failure, CallbackRetry.NextWorkingDay));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["retry"]);
    }

    [Fact]
    public void Validate_Should_Pass_When_UnreachedWithRetry()
    {
        _validator.Validate(new RecordCallback(Guid.NewGuid(), CallbackOutcome.Unreachable, null, null, 3, null, ContactFailure.PoweredOff, CallbackRetry.InTwoHours))
            .IsValid.ShouldBeTrue();
    }
}
