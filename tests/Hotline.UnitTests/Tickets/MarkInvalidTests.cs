using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class MarkInvalidTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void MarkInvalid_Should_CloseAsInvalid_When_AgentMarksRegisteredOrder()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.MarkInvalid("恶意骚扰", _s.Agent, now);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CloseReason.ShouldBe(CloseReason.Invalid);
        ticket.CloseNote.ShouldBe("恶意骚扰");
        probe.ShouldHaveRecorded(TimelineActions.MarkedInvalid, TicketStatus.Registered, TicketStatus.Closed, now);
        probe.ShouldHaveRaised<TicketClosed>().Reason.ShouldBe(CloseReason.Invalid);
    }

    [Fact]
    public void MarkInvalid_Should_ThrowActorNotPermitted_When_AgentMarksDispatchedOrder()
    {
        var ticket = _s.Dispatched();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.MarkInvalid("x", _s.Agent, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    public void MarkInvalid_Should_CloseAsInvalid_When_SupervisorMarksOpenOrder(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.MarkInvalid("无效诉求", _s.Supervisor, now);

        ticket.CloseReason.ShouldBe(CloseReason.Invalid);
        probe.ShouldHaveRecorded(TimelineActions.MarkedInvalid, status, TicketStatus.Closed, now);
    }

    [Fact]
    public void MarkInvalid_Should_ThrowInvalidTransition_When_Closed()
    {
        var ticket = _s.Closed();
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.MarkInvalid("x", _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
    }
}
