using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class ContactCitizenTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void RecordContact_Should_StopContactClockAndStayAccepted_When_LeadContacts()
    {
        var ticket = _s.Accepted();
        var probe = new StepProbe(ticket);
        var now = _s.Tick(20);

        ticket.RecordContact("已电话联系", _s.Lead, now);

        ticket.Status.ShouldBe(TicketStatus.Accepted);
        ticket.ContactedAt.ShouldBe(now);
        probe.ShouldHaveRecorded(TimelineActions.Contacted, TicketStatus.Accepted, TicketStatus.Accepted, now).Note.ShouldBe("已电话联系");
        probe.ShouldHaveRaised<CitizenContacted>().UnitId.ShouldBe(_s.LeadUnitId);
    }

    [Fact]
    public void RecordContact_Should_KeepFirstContactTime_When_ContactedAgain()
    {
        var ticket = _s.Accepted();
        var first = _s.Tick(20);
        ticket.RecordContact("第一次", _s.Lead, first);
        var probe = new StepProbe(ticket);
        var second = _s.Tick(120);

        ticket.RecordContact("第二次", _s.Lead, second);

        ticket.ContactedAt.ShouldBe(first);
        probe.ShouldHaveRecorded(TimelineActions.Contacted, TicketStatus.Accepted, TicketStatus.Accepted, second);
    }

    [Fact]
    public void RecordContact_Should_ThrowActorNotPermitted_When_NotLeadUnit()
    {
        var ticket = _s.Accepted();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.RecordContact("x", _s.Other, _s.Tick()));
        Should.Throw<ActorNotPermittedException>(() => ticket.RecordContact("x", _s.Assisting, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.ContactedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void RecordContact_Should_ThrowInvalidTransition_When_NotAccepted(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.RecordContact("x", _s.Lead, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
    }
}
