using Hotline.Domain.Tickets;
using Hotline.Core.Features.Tickets.ReplyTicket;
using Shouldly;

namespace Hotline.UnitTests.Validation;

public sealed class ReplyTicketValidatorTests
{
    private readonly ReplyTicketValidator _validator = new();

    [Fact]
    public void Validate_Should_Pass_When_SolvedAndAnswerGiven()
    {
        _validator.Validate(new ReplyTicket(Guid.NewGuid(), false, new string('答', Ticket.MaxContentLength), 3)).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Validate_Should_FailOnSolved_When_SolvedMissing()
    {
        var result = _validator.Validate(new ReplyTicket(Guid.NewGuid(), null, "已处理", null));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["solved"]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Validate_Should_FailOnAnswer_When_AnswerMissing(string? answer)
    {
        var result = _validator.Validate(new ReplyTicket(Guid.NewGuid(), true, answer, null));

        result.Errors.Select(e => e.PropertyName).Distinct().ShouldBe(["answer"]);
    }

    [Fact]
    public void Validate_Should_FailOnAnswer_When_AnswerOver4000Characters()
    {
        var result = _validator.Validate(new ReplyTicket(Guid.NewGuid(), true, new string('答', Ticket.MaxContentLength + 1), null));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["answer"]);
    }
}
