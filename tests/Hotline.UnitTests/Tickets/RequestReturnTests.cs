using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class RequestReturnTests
{
    private readonly TicketScenario _s = new();

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    public void RequestReturn_Should_MoveToReturnRequested_When_LeadAsksFromAllowedStatus(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.RequestReturn("不属于本单位职责", _s.Lead, now);

        ticket.Status.ShouldBe(TicketStatus.ReturnRequested);
        ticket.StatusBeforeReturn.ShouldBe(status);
        ticket.ReturnReason.ShouldBe("不属于本单位职责");
        probe.ShouldHaveRecorded(TimelineActions.ReturnRequested, status, TicketStatus.ReturnRequested, now);
        var raised = probe.ShouldHaveRaised<ReturnRequested>();
        raised.UnitId.ShouldBe(_s.LeadUnitId);
        raised.Reason.ShouldBe("不属于本单位职责");
    }

    [Fact]
    public void RequestReturn_Should_ThrowActorNotPermitted_When_NotLeadUnit()
    {
        var ticket = _s.Dispatched();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.RequestReturn("x", _s.Other, _s.Tick()));
        Should.Throw<ActorNotPermittedException>(() => ticket.RequestReturn("x", _s.Assisting, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Theory]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void RequestReturn_Should_ThrowInvalidTransition_When_StatusDoesNotAllowIt(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.RequestReturn("x", _s.Lead, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void RequestReturn_Should_ThrowDomainException_When_LeadWasKeptByRejectedReturn()
    {
        var ticket = _s.ReturnRequested();
        ticket.RejectReturn("属于你单位职责", _s.Supervisor, _s.Tick());
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.RequestReturn("再次退单", _s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.LeadFixedByArbitration.ShouldBeTrue();
    }

    [Fact]
    public void RequestReturn_Should_ThrowDomainException_When_LeadWasNamedByApprovedReturn()
    {
        var ticket = _s.ReturnRequested();
        ticket.ApproveReturn(_s.OtherUnitId, null, _s.Schedule, null, _s.Supervisor, _s.Tick());
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.RequestReturn("也不是我们的", _s.Other, _s.Tick()));

        probe.ShouldBeUnchanged();
    }
}
