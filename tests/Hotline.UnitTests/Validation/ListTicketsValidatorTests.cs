using Hotline.Contracts;
using Hotline.Core.Features.Tickets.ListTickets;
using Shouldly;

namespace Hotline.UnitTests.Validation;

public sealed class ListTicketsValidatorTests
{
    private readonly ListTicketsValidator _validator = new();

    [Theory]
    [InlineData(1)]
    [InlineData(50)]
    [InlineData(200)]
    public void Validate_Should_Pass_When_PageSizeWithinLimits(int pageSize)
    {
        _validator.Validate(Query(pageSize: pageSize)).IsValid.ShouldBeTrue();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(201)]
    [InlineData(500)]
    public void Validate_Should_FailOnPageSize_When_OutOfRange(int pageSize)
    {
        var result = _validator.Validate(Query(pageSize: pageSize));

        result.Errors.Select(e => e.PropertyName).ShouldBe(["pageSize"]);
    }

    [Fact]
    public void Validate_Should_FailOnPage_When_PageIsZero()
    {
        _validator.Validate(Query(page: 0)).Errors.Select(e => e.PropertyName).ShouldBe(["page"]);
    }

    [Fact]
    public void Validate_Should_FailOnQuery_When_SearchTextTooLong()
    {
        _validator.Validate(Query(q: new string('q', 101))).Errors.Select(e => e.PropertyName).ShouldBe(["q"]);
    }

    [Fact]
    public void Validate_Should_FailOnStatus_When_StatusUndefined()
    {
        var query = Query() with { Status = (TicketStatus)99 };

        _validator.Validate(query).Errors.Select(e => e.PropertyName).ShouldBe(["status"]);
    }

    private static ListTickets Query(int page = 1, int pageSize = 50, string? q = null) =>
        new(TicketStatus.Dispatched, null, true, q, Urgency.Normal, Channel.Phone, page, pageSize);
}
