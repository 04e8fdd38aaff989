using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class UrgeTicketTests
{
    private readonly TicketScenario _s = new();

    [Theory]
    [InlineData(TicketStatus.Registered)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    public void Urge_Should_CountUrgeAndKeepStatus_When_Open(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.Urge("请尽快办理", _s.Supervisor, now);

        ticket.UrgeCount.ShouldBe(1);
        ticket.Status.ShouldBe(status);
        probe.ShouldHaveRecorded(TimelineActions.Urged, status, status, now).Note.ShouldBe("请尽快办理");
        var raised = probe.ShouldHaveRaised<TicketUrged>();
        raised.UnitId.ShouldBe(ticket.LeadUnitId);
        raised.Note.ShouldBe("请尽快办理");
    }

    [Fact]
    public void Urge_Should_AddUpUrges_When_UrgedRepeatedly()
    {
        var ticket = _s.Dispatched();

        ticket.Urge("一催", _s.Supervisor, _s.Tick());
        ticket.Urge("二催", _s.Supervisor, _s.Tick());
        ticket.Urge("三催", _s.Supervisor, _s.Tick());

        ticket.UrgeCount.ShouldBe(3);
    }

    [Fact]
    public void Urge_Should_ThrowInvalidTransition_When_Closed()
    {
        var ticket = _s.Closed();
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.Urge("x", _s.Supervisor, _s.Tick())).Current.ShouldBe(TicketStatus.Closed);

        probe.ShouldBeUnchanged();
        ticket.UrgeCount.ShouldBe(0);
    }
}
