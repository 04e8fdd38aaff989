using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class RegisterTicketTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void Register_Should_CreateRegisteredOrderAtVersionOne_When_ContentIsValid()
    {
        var ticket = _s.Registered();

        ticket.Status.ShouldBe(TicketStatus.Registered);
        ticket.Version.ShouldBe(1, "registering is the first action");
        ticket.IsOpen.ShouldBeTrue();
        ticket.CreatedAt.ShouldBe(TicketScenario.RegisteredAt);
        ticket.LeadUnitId.ShouldBeNull();
        ticket.Clocks.NextDueAt.ShouldBeNull();
        ticket.Clocks.AcceptDueAt.ShouldBeNull();
    }

    [Fact]
    public void Register_Should_AppendRegisteredEntryAndRaiseEvent_When_Created()
    {
        var ticket = _s.Registered();

        var entry = ticket.Timeline.ShouldHaveSingleItem();
        entry.Action.ShouldBe(TimelineActions.Registered);
        entry.FromStatus.ShouldBeNull();
        entry.ToStatus.ShouldBe(TicketStatus.Registered);
        entry.ActorUserName.ShouldBe("agent");
        var raised = ticket.DomainEvents.ShouldHaveSingleItem().ShouldBeOfType<TicketRegistered>();
        raised.TicketId.ShouldBe(ticket.Id);
        raised.Channel.ShouldBe(Channel.Phone);
        raised.Version.ShouldBe(ticket.Version);
        raised.Status.ShouldBe(TicketStatus.Registered);
    }

    [Fact]
    public void Register_Should_AcceptContent_When_ExactlyAtMaximumLength()
    {
        var ticket = Register(new string('诉', Ticket.MaxContentLength));

        ticket.Content.Length.ShouldBe(Ticket.MaxContentLength);
    }

    [Fact]
    public void Register_Should_ThrowDomainException_When_ContentIsTooLong()
    {
        Should.Throw<DomainException>(() => Register(new string('诉', Ticket.MaxContentLength + 1)));
    }

    private Ticket Register(string content) => Ticket.Register(
        Guid.NewGuid(), "N-1", Channel.Web, TicketType.Suggestion, "0101", Urgency.Normal,
        new Citizen(null, null, false), new TicketLocation("110101", null, null, null, null),
        content, null, null, null, _s.Agent, _s.Now);
}
