using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class TicketImportTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 2, 0, 0, TimeSpan.Zero);
    private static readonly Actor Admin = new(Guid.NewGuid(), "admin", [Roles.Admin], null);

    private static Ticket Imported(DateTimeOffset? closedAt = null, string content = "楼上噪音") => Ticket.Import(
        Guid.NewGuid(), "H0000000000001", "old-42", Channel.Phone, TicketType.Complaint, "hj-zs", new TicketLocation("dc", "dc-dhm", null, null, null),
        content, null, "已处理", Now.AddDays(-10), closedAt ?? Now.AddDays(-9), Admin, Now);

    [Fact]
    public void Import_Should_StoreAClosedOrder_WithoutClocksOrEvents()
    {
        var ticket = Imported();

        (ticket.Status, ticket.CloseReason, ticket.ExternalId).ShouldBe((TicketStatus.Closed, CloseReason.Imported, "old-42"));
        ticket.DomainEvents.ShouldBeEmpty();
        (ticket.Clocks.NextDueAt, ticket.Clocks.NextAlertAt, ticket.FirstDispatchedAt, ticket.CallbackAt).ShouldBe((null, null, null, null));
        ticket.CreatedDay.ShouldBe(new DateOnly(2026, 11, 21));
        ticket.Timeline.ShouldHaveSingleItem().Action.ShouldBe(TimelineActions.Imported);
        ticket.ReplyAnswer.ShouldBe("已处理");
    }

    [Fact]
    public void Import_Should_Refuse_When_ClosedBeforeCreated_OrTooLong()
    {
        Should.Throw<DomainException>(() => Imported(closedAt: Now.AddDays(-11)));
        Should.Throw<DomainException>(() => Imported(content: new string('水', Ticket.MaxContentLength + 1)));
    }
}
