using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class AcceptTicketTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void Accept_Should_MoveToAccepted_When_LeadUnitSignsForDispatchedOrder()
    {
        var ticket = _s.Dispatched();
        var probe = new StepProbe(ticket);
        var now = _s.Tick(30);

        ticket.Accept(_s.Lead, now);

        ticket.Status.ShouldBe(TicketStatus.Accepted);
        ticket.AcceptedAt.ShouldBe(now);
        probe.ShouldHaveRecorded(TimelineActions.Accepted, TicketStatus.Dispatched, TicketStatus.Accepted, now).UnitId.ShouldBe(_s.LeadUnitId);
        probe.ShouldHaveRaised<TicketAccepted>().UnitId.ShouldBe(_s.LeadUnitId);
    }

    [Fact]
    public void Accept_Should_ThrowActorNotPermitted_When_AnotherUnitSigns()
    {
        var ticket = _s.Dispatched();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.Accept(_s.Other, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Accept_Should_ThrowActorNotPermitted_When_AssistingUnitSigns()
    {
        var ticket = _s.Dispatched();

        Should.Throw<ActorNotPermittedException>(() => ticket.Accept(_s.Assisting, _s.Tick()));

        ticket.Status.ShouldBe(TicketStatus.Dispatched);
    }

    [Fact]
    public void Accept_Should_ThrowActorNotPermitted_When_ActorHasNoUnit()
    {
        var ticket = _s.Dispatched();

        Should.Throw<ActorNotPermittedException>(() => ticket.Accept(_s.Supervisor, _s.Tick()));
    }

    [Fact]
    public void Accept_Should_ThrowActorNotPermitted_When_OrderHasNoLeadYet()
    {
        var ticket = _s.Registered();

        Should.Throw<ActorNotPermittedException>(() => ticket.Accept(_s.Lead, _s.Tick()));

        ticket.Status.ShouldBe(TicketStatus.Registered);
    }

    [Theory]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void Accept_Should_ThrowInvalidTransition_When_NotDispatched(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.Accept(_s.Lead, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
    }
}
