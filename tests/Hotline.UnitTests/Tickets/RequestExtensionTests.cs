using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class RequestExtensionTests
{
    private static readonly DateTimeOffset LaterDue = China.At(2026, 6, 16);

    private readonly TicketScenario _s = new();

    [Fact]
    public void RequestExtension_Should_RecordPendingRequestAndKeepDeadline_When_LeadAsksBeforeDeadline()
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.RequestExtension(LaterDue, "需协调多个部门", _s.Lead, now);

        ticket.Status.ShouldBe(TicketStatus.Accepted);
        var pending = ticket.PendingExtension.ShouldNotBeNull();
        pending.DueAt.ShouldBe(LaterDue);
        pending.DueAt.Offset.ShouldBe(TimeSpan.Zero);
        pending.Reason.ShouldBe("需协调多个部门");
        pending.RequestedAt.ShouldBe(now);
        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
        probe.ShouldHaveRecorded(TimelineActions.ExtensionRequested, TicketStatus.Accepted, TicketStatus.Accepted, now).Note.ShouldBe("需协调多个部门（申请延至 2026-06-16 00:00）");
        probe.ShouldHaveRaised<ExtensionRequested>().NewReplyDueAt.ShouldBe(LaterDue);
    }

    [Fact]
    public void RequestExtension_Should_ThrowActorNotPermitted_When_NotLeadUnit()
    {
        var ticket = _s.Accepted();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.RequestExtension(LaterDue, "x", _s.Other, _s.Tick()));
        Should.Throw<ActorNotPermittedException>(() => ticket.RequestExtension(LaterDue, "x", _s.Assisting, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.PendingExtension.ShouldBeNull();
    }

    [Fact]
    public void RequestExtension_Should_ThrowDomainException_When_TheNewDeadlineIsMoreThan60DaysPastTheCurrentOne()
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.RequestExtension(TicketScenario.ReplyDue + Ticket.MaxExtension + TimeSpan.FromMinutes(1), "x", _s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.PendingExtension.ShouldBeNull();
        ticket.RequestExtension(TicketScenario.ReplyDue + Ticket.MaxExtension, "正好六十天", _s.Lead, _s.Tick());
        ticket.PendingExtension!.DueAt.ShouldBe(TicketScenario.ReplyDue + Ticket.MaxExtension);
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void RequestExtension_Should_ThrowInvalidTransition_When_NotAccepted(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.RequestExtension(LaterDue, "x", _s.Lead, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void RequestExtension_Should_ThrowDomainException_When_ReplyDeadlineReachedOrPassed(int minutesAfterDue)
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(TicketScenario.ReplyDue.AddMinutes(minutesAfterDue));

        Should.Throw<DomainException>(() => ticket.RequestExtension(LaterDue, "x", _s.Lead, now));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void RequestExtension_Should_Succeed_When_OneMinuteBeforeReplyDeadline()
    {
        var ticket = _s.Contacted();

        ticket.RequestExtension(LaterDue, "x", _s.Lead, _s.SetNow(TicketScenario.ReplyDue.AddMinutes(-1)));

        ticket.PendingExtension.ShouldNotBeNull().DueAt.ShouldBe(LaterDue);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    public void RequestExtension_Should_ThrowDomainException_When_NewDateIsNotLater(int minutesFromCurrentDue)
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() =>
            ticket.RequestExtension(TicketScenario.ReplyDue.AddMinutes(minutesFromCurrentDue), "x", _s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.PendingExtension.ShouldBeNull();
    }

    [Fact]
    public void RequestExtension_Should_ThrowDomainException_When_OneIsAlreadyPending()
    {
        var ticket = _s.Contacted();
        ticket.RequestExtension(LaterDue, "第一次", _s.Lead, _s.Tick());
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.RequestExtension(LaterDue.AddDays(1), "第二次", _s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.PendingExtension.ShouldNotBeNull().DueAt.ShouldBe(LaterDue);
        ticket.PendingExtension.ShouldNotBeNull().Reason.ShouldBe("第一次");
    }
}
