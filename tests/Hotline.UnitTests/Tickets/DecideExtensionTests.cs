using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class DecideExtensionTests
{
    private static readonly DateTimeOffset LaterDue = China.At(2026, 6, 16);

    private readonly TicketScenario _s = new();

    [Fact]
    public void DecideExtension_Should_MoveReplyDeadline_When_Approved()
    {
        var ticket = PendingExtension();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.DecideExtension(true, "同意", _s.Supervisor, now);

        ticket.Clocks.ReplyDueAt.ShouldBe(LaterDue);
        ticket.Clocks.NextDueAt.ShouldBe(LaterDue);
        ticket.PendingExtension.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.ExtensionApproved, TicketStatus.Accepted, TicketStatus.Accepted, now);
        var raised = probe.ShouldHaveRaised<ExtensionDecided>();
        raised.Approved.ShouldBeTrue();
        raised.ReplyDueAt.ShouldBe(LaterDue);
    }

    [Fact]
    public void DecideExtension_Should_KeepReplyDeadline_When_Rejected()
    {
        var ticket = PendingExtension();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.DecideExtension(false, "理由不充分", _s.Supervisor, now);

        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
        ticket.Clocks.NextDueAt.ShouldBe(TicketScenario.ReplyDue);
        ticket.PendingExtension.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.ExtensionRejected, TicketStatus.Accepted, TicketStatus.Accepted, now);
        var raised = probe.ShouldHaveRaised<ExtensionDecided>();
        raised.Approved.ShouldBeFalse();
        raised.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
    }

    [Fact]
    public void DecideExtension_Should_ThrowDomainException_When_NothingIsPending()
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.DecideExtension(true, null, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void DecideExtension_Should_ThrowInvalidTransition_When_Closed()
    {
        var ticket = _s.Closed();
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.DecideExtension(true, null, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Reply_Should_DropPendingExtension_When_LeadRepliesFirst()
    {
        var ticket = PendingExtension();

        ticket.Reply(true, "已办结", _s.Lead, _s.Tick());

        ticket.PendingExtension.ShouldBeNull();
        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
        Should.Throw<DomainException>(() => ticket.DecideExtension(true, null, _s.Supervisor, _s.Tick()));
        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
    }

    private Ticket PendingExtension()
    {
        var ticket = _s.Contacted();
        ticket.RequestExtension(LaterDue, "需协调多个部门", _s.Lead, _s.Tick());
        return ticket;
    }
}
