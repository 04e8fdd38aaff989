using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class CloseTicketTests
{
    private readonly TicketScenario _s = new();

    [Theory]
    [InlineData(TicketStatus.Registered)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    public void CloseBySupervisor_Should_CloseWithReason_When_Open(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.CloseBySupervisor("诉求不合理，已解释", _s.Supervisor, now);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CloseReason.ShouldBe(CloseReason.ClosedBySupervisor);
        ticket.CloseNote.ShouldBe("诉求不合理，已解释");
        ticket.ClosedAt.ShouldBe(now);
        ticket.Clocks.NextDueAt.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.ClosedBySupervisor, status, TicketStatus.Closed, now);
        probe.ShouldHaveRaised<TicketClosed>().Reason.ShouldBe(CloseReason.ClosedBySupervisor);
    }

    [Fact]
    public void CloseBySupervisor_Should_ThrowInvalidTransition_When_AlreadyClosed()
    {
        var ticket = _s.Closed();
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.CloseBySupervisor("x", _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.CloseReason.ShouldBe(CloseReason.CallbackDone);
    }
}
