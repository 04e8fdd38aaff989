using Hotline.Contracts;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

/// <summary>NextDueAt (the earliest running deadline) and per-stage overdue checks.</summary>
public sealed class TicketDeadlineTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void NextDueAt_Should_BeNull_When_Registered()
    {
        _s.Registered().Clocks.NextDueAt.ShouldBeNull();
    }

    [Fact]
    public void NextDueAt_Should_BeAcceptDeadline_When_Dispatched()
    {
        _s.Dispatched().Clocks.NextDueAt.ShouldBe(TicketScenario.AcceptDue);
    }

    [Fact]
    public void NextDueAt_Should_BeContactDeadline_When_AcceptedButNotContacted()
    {
        _s.Accepted().Clocks.NextDueAt.ShouldBe(TicketScenario.ContactDue);
    }

    [Fact]
    public void NextDueAt_Should_BeReplyDeadline_When_Contacted()
    {
        _s.Contacted().Clocks.NextDueAt.ShouldBe(TicketScenario.ReplyDue);
    }

    [Fact]
    public void NextDueAt_Should_KeepRunningClocks_When_ReturnRequested()
    {
        _s.ReturnRequested().Clocks.NextDueAt.ShouldBe(TicketScenario.AcceptDue);
    }

    [Fact]
    public void NextDueAt_Should_BeContactDeadline_When_SignedForLateButNotContacted()
    {
        var ticket = _s.Dispatched();

        ticket.Accept(_s.Lead, _s.SetNow(TicketScenario.AcceptDue.AddHours(3)));

        ticket.Clocks.NextDueAt.ShouldBe(TicketScenario.ContactDue);
    }

    [Theory]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void NextDueAt_Should_BeNull_When_NoClockRuns(TicketStatus status)
    {
        _s.InStatus(status).Clocks.NextDueAt.ShouldBeNull();
    }

    [Fact]
    public void NextDueAt_Should_BeFirstDeadlineOfTier_When_EmergencyOrderDispatched()
    {
        var ticket = _s.Registered(urgency: Urgency.Emergency);
        var now = _s.SetNow(TicketScenario.DispatchedAt);

        ticket.Dispatch(_s.LeadUnitId, [], null, _s.Schedule, null, _s.Agent, now);

        ticket.Clocks.AcceptDueAt.ShouldBe(now.AddMinutes(30));
        ticket.Clocks.ContactDueAt.ShouldBe(now.AddHours(1));
        ticket.Clocks.ReplyDueAt.ShouldBe(now.AddHours(2));
        ticket.Clocks.NextDueAt.ShouldBe(now.AddMinutes(30));
    }

    [Fact]
    public void IsStageOverdue_Should_BeFalse_When_NoDeadlineYet()
    {
        var ticket = _s.Registered();

        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.RegisteredAt.AddYears(1)).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Reply, TicketScenario.RegisteredAt.AddYears(1)).ShouldBeFalse();
    }

    [Fact]
    public void IsStageOverdue_Should_FollowTheClock_When_StageNotDone()
    {
        var ticket = _s.Dispatched();

        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.AcceptDue.AddMinutes(-1)).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.AcceptDue).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.AcceptDue.AddMinutes(1)).ShouldBeTrue();
        ticket.IsStageOverdue(DeadlineStage.Contact, TicketScenario.AcceptDue.AddMinutes(1)).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Contact, TicketScenario.ContactDue.AddSeconds(1)).ShouldBeTrue();
        ticket.IsStageOverdue(DeadlineStage.Reply, TicketScenario.ContactDue.AddSeconds(1)).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Reply, TicketScenario.ReplyDue.AddSeconds(1)).ShouldBeTrue();
    }

    [Fact]
    public void IsStageOverdue_Should_StayTrue_When_StageWasDoneLate()
    {
        var ticket = _s.Dispatched();
        ticket.Accept(_s.Lead, _s.SetNow(TicketScenario.AcceptDue.AddMinutes(5)));

        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.ReplyDue.AddDays(10)).ShouldBeTrue();
    }

    [Fact]
    public void IsStageOverdue_Should_BeFalse_When_StageWasDoneInTime()
    {
        var ticket = _s.Contacted();

        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.ReplyDue.AddDays(10)).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Contact, TicketScenario.ReplyDue.AddDays(10)).ShouldBeFalse();
    }

    [Fact]
    public void IsStageOverdue_Should_BeFalse_When_OrderClosedBeforeStageWasDone()
    {
        var ticket = _s.Dispatched();
        ticket.CloseBySupervisor("重复来电", _s.Supervisor, _s.Tick());

        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.AcceptDue.AddDays(1)).ShouldBeFalse();
    }

    [Fact]
    public void IsStageOverdue_Should_BeTrue_When_OrderWasClosedAfterTheDeadlineWithoutTheStage()
    {
        var ticket = _s.Dispatched();
        ticket.CloseBySupervisor("市民撤回诉求", _s.Supervisor, _s.SetNow(TicketScenario.AcceptDue.AddHours(1)));

        ticket.IsStageOverdue(DeadlineStage.Accept, TicketScenario.AcceptDue.AddDays(1)).ShouldBeTrue();
        ticket.IsStageOverdue(DeadlineStage.Reply, TicketScenario.ReplyDue.AddDays(1)).ShouldBeFalse("closed before the reply deadline");
    }

    [Fact]
    public void IsStageOverdue_Should_TreatTheReplyAsTheEndOfContact_When_NoContactWasRecorded()
    {
        var ticket = _s.Dispatched(citizen: new Hotline.Domain.Tickets.Citizen(null, null, false));
        ticket.Accept(_s.Lead, _s.Tick());
        ticket.Reply(true, "已现场处理", _s.Lead, _s.Tick());

        ticket.IsStageOverdue(DeadlineStage.Contact, TicketScenario.ReplyDue.AddDays(30)).ShouldBeFalse();
    }
}
