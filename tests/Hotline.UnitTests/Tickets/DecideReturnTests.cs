using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class DecideReturnTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void ApproveReturn_Should_RedispatchWithFreshAcceptAndContactButSameReplyDeadline_When_NewUnitDiffers()
    {
        var ticket = _s.ReturnRequested(afterAccept: true);
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(China.At(2026, 6, 2, 15));

        ticket.ApproveReturn(_s.OtherUnitId, null, _s.Schedule, "改派", _s.Supervisor, now);

        ticket.Status.ShouldBe(TicketStatus.Dispatched);
        ticket.LeadUnitId.ShouldBe(_s.OtherUnitId);
        ticket.DispatchedAt.ShouldBe(now);
        ticket.Clocks.AcceptDueAt.ShouldBe(China.At(2026, 6, 2, 17));
        ticket.Clocks.ContactDueAt.ShouldBe(China.At(2026, 6, 4));
        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
        ticket.AcceptedAt.ShouldBeNull();
        ticket.ContactedAt.ShouldBeNull();
        ticket.StatusBeforeReturn.ShouldBeNull();
        ticket.LeadFixedByArbitration.ShouldBeTrue();
        ticket.Clocks.NextDueAt.ShouldBe(China.At(2026, 6, 2, 17));
        probe.ShouldHaveRecorded(TimelineActions.ReturnApproved, TicketStatus.ReturnRequested, TicketStatus.Dispatched, now);
        var raised = probe.ShouldHaveRaised<ReturnDecided>();
        raised.Approved.ShouldBeTrue();
        raised.PreviousUnitId.ShouldBe(_s.LeadUnitId);
        raised.LeadUnitId.ShouldBe(_s.OtherUnitId);
    }

    [Fact]
    public void ApproveReturn_Should_LetOnlyTheNewUnitSignFor_When_Redispatched()
    {
        var ticket = _s.ReturnRequested();
        ticket.ApproveReturn(_s.OtherUnitId, null, _s.Schedule, null, _s.Supervisor, _s.Tick());

        Should.Throw<ActorNotPermittedException>(() => ticket.Accept(_s.Lead, _s.Tick()));
        ticket.Accept(_s.Other, _s.Tick());

        ticket.Status.ShouldBe(TicketStatus.Accepted);
    }

    [Fact]
    public void ApproveReturn_Should_DropNewLeadFromAssisting_When_AssistingUnitBecomesLead()
    {
        var ticket = _s.ReturnRequested();

        ticket.ApproveReturn(_s.AssistingUnitId, null, _s.Schedule, null, _s.Supervisor, _s.Tick());

        ticket.LeadUnitId.ShouldBe(_s.AssistingUnitId);
        ticket.AssistingUnitIds.ShouldBeEmpty();
        ticket.CopiedUnitIds.ShouldBeEmpty();
    }

    [Fact]
    public void ApproveReturn_Should_ThrowDomainException_When_RedispatchedToSameUnit()
    {
        var ticket = _s.ReturnRequested();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.ApproveReturn(_s.LeadUnitId, null, _s.Schedule, null, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.LeadUnitId.ShouldBe(_s.LeadUnitId);
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void ApproveReturn_Should_ThrowInvalidTransition_When_NoReturnRequested(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        var error = Should.Throw<InvalidTransitionException>(() => ticket.ApproveReturn(_s.OtherUnitId, null, _s.Schedule, null, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
        error.Message.ShouldBe($"工单当前状态为“{ChineseLabels.Status(status)}”，不能同意退单。");
    }

    [Theory]
    [InlineData(false, TicketStatus.Dispatched)]
    [InlineData(true, TicketStatus.Accepted)]
    public void RejectReturn_Should_GoBackToStatusBeforeReturn_When_Rejected(bool afterAccept, TicketStatus expected)
    {
        var ticket = _s.ReturnRequested(afterAccept);
        var deadlines = (ticket.Clocks.AcceptDueAt, ticket.Clocks.ContactDueAt, ticket.Clocks.ReplyDueAt);
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.RejectReturn("属于你单位职责", _s.Supervisor, now);

        ticket.Status.ShouldBe(expected);
        ticket.LeadUnitId.ShouldBe(_s.LeadUnitId);
        ticket.LeadFixedByArbitration.ShouldBeTrue();
        ticket.StatusBeforeReturn.ShouldBeNull();
        (ticket.Clocks.AcceptDueAt, ticket.Clocks.ContactDueAt, ticket.Clocks.ReplyDueAt).ShouldBe(deadlines);
        probe.ShouldHaveRecorded(TimelineActions.ReturnRejected, TicketStatus.ReturnRequested, expected, now);
        var raised = probe.ShouldHaveRaised<ReturnDecided>();
        raised.Approved.ShouldBeFalse();
        raised.LeadUnitId.ShouldBe(_s.LeadUnitId);
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.Closed)]
    public void RejectReturn_Should_ThrowInvalidTransition_When_NoReturnRequested(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.RejectReturn(null, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.LeadFixedByArbitration.ShouldBeFalse();
    }
}
