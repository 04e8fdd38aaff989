using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class RecordCallbackTests
{
    /// <summary>Wed 2026-06-03 10:00 China time.</summary>
    private static readonly DateTimeOffset CallbackAt = China.At(2026, 6, 3, 10);

    private readonly TicketScenario _s = new();

    [Theory]
    [InlineData(CallbackOutcome.Satisfied)]
    [InlineData(CallbackOutcome.BasicallySatisfied)]
    public void RecordCallback_Should_CloseAsCallbackDone_When_SatisfiedAndSolved(CallbackOutcome outcome)
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(CallbackAt);

        ticket.RecordCallback(outcome, true, "市民表示感谢", _s.Schedule, _s.CallbackStaff, now);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CloseReason.ShouldBe(CloseReason.CallbackDone);
        ticket.CallbackOutcome.ShouldBe(outcome);
        ticket.CallbackSolved.ShouldBe(true);
        ticket.CallbackAt.ShouldBe(now);
        ticket.ClosedAt.ShouldBe(now);
        ticket.ReworkCount.ShouldBe(0);
        ticket.Clocks.NextDueAt.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.CallbackRecorded, TicketStatus.Replied, TicketStatus.Closed, now);
        probe.NewEvents.Count.ShouldBe(2);
        var recorded = probe.NewEvents[0].ShouldBeOfType<CallbackRecorded>();
        recorded.Rework.ShouldBeFalse();
        recorded.Outcome.ShouldBe(outcome);
        probe.NewEvents[1].ShouldBeOfType<TicketClosed>().Reason.ShouldBe(CloseReason.CallbackDone);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void RecordCallback_Should_CloseWithoutSolvedAnswer_When_Unreachable(bool solved)
    {
        var ticket = _s.Replied();
        var now = _s.SetNow(CallbackAt);

        ticket.RecordCallback(CallbackOutcome.Unreachable, solved, null, _s.Schedule, _s.CallbackStaff, now);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CloseReason.ShouldBe(CloseReason.CallbackDone);
        ticket.CallbackOutcome.ShouldBe(CallbackOutcome.Unreachable);
        ticket.CallbackSolved.ShouldBeNull();
        ticket.ReworkCount.ShouldBe(0);
    }

    [Fact]
    public void RecordCallback_Should_Close_When_UnreachableAndSolvedNotGiven()
    {
        var ticket = _s.Replied();

        ticket.RecordCallback(CallbackOutcome.Unreachable, null, null, _s.Schedule, _s.CallbackStaff, _s.SetNow(CallbackAt));

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CallbackSolved.ShouldBeNull();
    }

    [Theory]
    [InlineData(CallbackOutcome.Dissatisfied, true)]
    [InlineData(CallbackOutcome.Dissatisfied, false)]
    [InlineData(CallbackOutcome.Satisfied, false)]
    [InlineData(CallbackOutcome.BasicallySatisfied, false)]
    public void RecordCallback_Should_SendBackForReworkWithFreshDeadlines_When_DissatisfiedOrUnsolved(CallbackOutcome outcome, bool solved)
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);
        var version = ticket.Version;
        var now = _s.SetNow(CallbackAt);

        ticket.RecordCallback(outcome, solved, "问题依旧", _s.Schedule, _s.CallbackStaff, now);

        ticket.Status.ShouldBe(TicketStatus.Dispatched);
        ticket.IsOpen.ShouldBeTrue();
        ticket.CloseReason.ShouldBeNull();
        ticket.ReworkCount.ShouldBe(1);
        ticket.LeadUnitId.ShouldBe(_s.LeadUnitId);
        ticket.CallbackOutcome.ShouldBe(outcome);
        ticket.CallbackSolved.ShouldBe(solved);
        ticket.DispatchedAt.ShouldBe(now);
        ticket.Clocks.AcceptDueAt.ShouldBe(China.At(2026, 6, 3, 12));
        ticket.Clocks.ContactDueAt.ShouldBe(China.At(2026, 6, 5));
        ticket.Clocks.ReplyDueAt.ShouldBe(China.At(2026, 6, 11));
        ticket.AcceptedAt.ShouldBeNull();
        ticket.ContactedAt.ShouldBeNull();
        ticket.RepliedAt.ShouldBeNull();
        ticket.ReplySolved.ShouldBeNull();
        ticket.ReplyAnswer.ShouldBeNull();
        ticket.Clocks.NextDueAt.ShouldBe(China.At(2026, 6, 3, 12));
        ticket.Version.ShouldBe(version + 1, "a callback that causes rework is still one action");
        probe.NewEntries.Count.ShouldBe(2);
        probe.NewEntries[0].Action.ShouldBe(TimelineActions.CallbackRecorded);
        probe.NewEntries[0].FromStatus.ShouldBe(TicketStatus.Replied);
        probe.NewEntries[0].ToStatus.ShouldBe(TicketStatus.Replied);
        probe.NewEntries[1].Action.ShouldBe(TimelineActions.Reworked);
        probe.NewEntries[1].FromStatus.ShouldBe(TicketStatus.Replied);
        probe.NewEntries[1].ToStatus.ShouldBe(TicketStatus.Dispatched);
        probe.NewEvents.Count.ShouldBe(2);
        probe.NewEvents[0].ShouldBeOfType<CallbackRecorded>().Rework.ShouldBeTrue();
        var dispatched = probe.NewEvents[1].ShouldBeOfType<TicketDispatched>();
        dispatched.IsRework.ShouldBeTrue();
        dispatched.LeadUnitId.ShouldBe(_s.LeadUnitId);
        dispatched.Version.ShouldBe(ticket.Version);
    }

    [Fact]
    public void RecordCallback_Should_CountEachRework_When_SentBackTwice()
    {
        var ticket = _s.Replied();
        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, null, _s.Schedule, _s.CallbackStaff, _s.SetNow(CallbackAt));
        ticket.Accept(_s.Lead, _s.Tick());
        ticket.RecordContact("再次联系", _s.Lead, _s.Tick());
        ticket.Reply(true, "已彻底处理", _s.Lead, _s.Tick());

        ticket.RecordCallback(CallbackOutcome.Dissatisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.Tick());

        ticket.ReworkCount.ShouldBe(2);
        ticket.Timeline[^1].Note.ShouldBe("第 2 次重办");
    }

    [Theory]
    [InlineData(CallbackOutcome.Satisfied)]
    [InlineData(CallbackOutcome.BasicallySatisfied)]
    [InlineData(CallbackOutcome.Dissatisfied)]
    public void RecordCallback_Should_ThrowDomainException_When_SolvedMissing(CallbackOutcome outcome)
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);

        var ex = Should.Throw<DomainException>(() => ticket.RecordCallback(outcome, null, null, _s.Schedule, _s.CallbackStaff, _s.Tick()));

        ex.ShouldNotBeOfType<InvalidTransitionException>();
        probe.ShouldBeUnchanged();
        ticket.CallbackOutcome.ShouldBeNull();
    }

    [Theory]
    [InlineData(TicketStatus.Registered)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Closed)]
    public void RecordCallback_Should_ThrowInvalidTransition_When_NotReplied(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() =>
            ticket.RecordCallback(CallbackOutcome.Satisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
    }
}
