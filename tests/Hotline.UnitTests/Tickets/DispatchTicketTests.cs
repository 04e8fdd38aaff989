using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class DispatchTicketTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void Dispatch_Should_MoveToDispatchedAndStartClocks_When_Registered()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(TicketScenario.DispatchedAt);

        ticket.Dispatch(_s.LeadUnitId, [_s.AssistingUnitId], _s.CopiedUnitId, _s.Schedule, "note", _s.Agent, now);

        ticket.Status.ShouldBe(TicketStatus.Dispatched);
        ticket.LeadUnitId.ShouldBe(_s.LeadUnitId);
        ticket.DispatchedAt.ShouldBe(now);
        ticket.Clocks.AcceptDueAt.ShouldBe(TicketScenario.AcceptDue);
        ticket.Clocks.ContactDueAt.ShouldBe(TicketScenario.ContactDue);
        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue);
        probe.ShouldHaveRecorded(TimelineActions.Dispatched, TicketStatus.Registered, TicketStatus.Dispatched, now).Note.ShouldBe("note");
        var raised = probe.ShouldHaveRaised<TicketDispatched>();
        raised.LeadUnitId.ShouldBe(_s.LeadUnitId);
        raised.IsRework.ShouldBeFalse();
    }

    [Fact]
    public void Dispatch_Should_RecordAssistingAndCopiedUnits_When_Given()
    {
        var ticket = _s.Dispatched();

        ticket.AssistingUnitIds.ShouldBe([_s.AssistingUnitId]);
        ticket.CopiedUnitIds.ShouldBe([_s.CopiedUnitId]);
        ticket.Participants.Single(p => p.UnitId == _s.CopiedUnitId).Role.ShouldBe(ParticipantRole.Copied);
        ticket.Participants.Single(p => p.UnitId == _s.AssistingUnitId).Role.ShouldBe(ParticipantRole.Assisting);
        ticket.IsVisibleToUnit(_s.LeadUnitId).ShouldBeTrue();
        ticket.IsVisibleToUnit(_s.CopiedUnitId).ShouldBeTrue();
        ticket.IsVisibleToUnit(_s.OtherUnitId).ShouldBeFalse();
    }

    [Fact]
    public void Dispatch_Should_NotCopyLeadOrAssistingUnit_When_CopyTargetIsAlreadyInvolved()
    {
        var first = _s.Registered();
        first.Dispatch(_s.LeadUnitId, [], _s.LeadUnitId, _s.Schedule, null, _s.Agent, _s.Tick());
        var second = _s.Registered();
        second.Dispatch(_s.LeadUnitId, [_s.AssistingUnitId, _s.AssistingUnitId], _s.AssistingUnitId, _s.Schedule, null, _s.Agent, _s.Tick());

        first.Participants.ShouldBeEmpty();
        second.Participants.ShouldHaveSingleItem().Role.ShouldBe(ParticipantRole.Assisting);
    }

    [Fact]
    public void Dispatch_Should_ThrowDomainException_When_LeadIsAlsoAssisting()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() =>
            ticket.Dispatch(_s.LeadUnitId, [_s.AssistingUnitId, _s.LeadUnitId], null, _s.Schedule, null, _s.Agent, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.LeadUnitId.ShouldBeNull();
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void Dispatch_Should_ThrowInvalidTransition_When_NotRegistered(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() =>
            ticket.Dispatch(_s.OtherUnitId, [], null, _s.Schedule, null, _s.Agent, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
        ticket.LeadUnitId.ShouldBe(_s.LeadUnitId);
    }
}
