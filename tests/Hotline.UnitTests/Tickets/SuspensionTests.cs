using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

/// <summary>挂起: stopped clocks raise nothing and are never late; they restart with the time they had left.</summary>
public sealed class SuspensionTests
{
    private readonly TicketScenario _s = new();

    /// <summary>Dispatched Mon 1 Jun 10:00, accepted and contacted; reply due at the end of Mon 8 Jun.</summary>
    private Ticket Requested(DateTimeOffset? until = null, TicketScenario? scenario = null)
    {
        var s = scenario ?? _s;
        var ticket = s.Contacted();
        ticket.RequestSuspension("市民出国，6 月中旬回国后方可现场核实", until, s.Lead, s.SetNow(China.At(2026, 6, 2, 10)));
        return ticket;
    }

    private Ticket Suspended(DateTimeOffset? until = null, TicketScenario? scenario = null)
    {
        var s = scenario ?? _s;
        var ticket = Requested(until, s);
        ticket.DecideSuspension(true, "同意", s.Supervisor, s.SetNow(China.At(2026, 6, 2, 11)));
        return ticket;
    }

    [Fact]
    public void RequestSuspension_Should_WaitForASupervisor_When_TheLeadAsks()
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);
        var until = China.At(2026, 6, 15, 9);
        var now = _s.SetNow(China.At(2026, 6, 2, 10));

        ticket.RequestSuspension("市民出国", until, _s.Lead, now);

        (ticket.SuspensionStatus, ticket.SuspensionReason, ticket.SuspensionRequestedAt, ticket.SuspendedUntil).ShouldBe((SuspensionStatus.Pending, "市民出国", now, until));
        ticket.Clocks.NextDueAt.ShouldBe(TicketScenario.ReplyDue);
        probe.ShouldHaveRecorded(TimelineActions.SuspensionRequested, TicketStatus.Accepted, TicketStatus.Accepted, now);
        probe.ShouldHaveRaised<SuspensionRequested>();
    }

    [Fact]
    public void RequestSuspension_Should_ThrowActorNotPermitted_When_AnotherUnitAsks()
    {
        var ticket = _s.Contacted();

        Should.Throw<ActorNotPermittedException>(() => ticket.RequestSuspension("x", null, _s.Assisting, _s.Tick()));
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void RequestSuspension_Should_ThrowInvalidTransition_When_NotAccepted(TicketStatus status)
    {
        var ticket = _s.InStatus(status);

        Should.Throw<InvalidTransitionException>(() => ticket.RequestSuspension("x", null, _s.Lead, _s.Tick())).Current.ShouldBe(status);
    }

    [Fact]
    public void RequestSuspension_Should_Refuse_When_AlreadyPendingOrSuspendedOrLate()
    {
        Should.Throw<DomainException>(() => Requested().RequestSuspension("again", null, _s.Lead, _s.Tick()));
        var other = new TicketScenario();
        Should.Throw<DomainException>(() => Suspended(scenario: other).RequestSuspension("again", null, other.Lead, other.Tick()));
        var lateScenario = new TicketScenario();
        var late = lateScenario.Contacted();
        Should.Throw<DomainException>(() => late.RequestSuspension("x", null, lateScenario.Lead, lateScenario.SetNow(China.At(2026, 6, 9, 1))));
        var pastScenario = new TicketScenario();
        var past = pastScenario.Contacted();
        Should.Throw<DomainException>(() => past.RequestSuspension("x", China.At(2026, 6, 1), pastScenario.Lead, pastScenario.SetNow(China.At(2026, 6, 2, 10))));
    }

    [Fact]
    public void DecideSuspension_Should_StopEveryClock_When_Approved()
    {
        var until = China.At(2026, 6, 15, 9);
        var ticket = Requested(until);
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(China.At(2026, 6, 2, 11));

        ticket.DecideSuspension(true, "情况属实", _s.Supervisor, now);

        (ticket.SuspensionStatus, ticket.SuspendedSince).ShouldBe((SuspensionStatus.Suspended, now));
        ticket.Clocks.NextDueAt.ShouldBeNull();
        ticket.Clocks.NextAlertAt.ShouldBe(until);
        probe.ShouldHaveRecorded(TimelineActions.SuspensionApproved, TicketStatus.Accepted, TicketStatus.Accepted, now);
        probe.ShouldHaveRaised<SuspensionDecided>().Approved.ShouldBeTrue();
    }

    [Fact]
    public void Suspended_Should_RaiseNoAlertAndNeverBeLate_When_TheOldDeadlinePassesWhileStopped()
    {
        var ticket = Suspended();
        var longAfter = _s.SetNow(China.At(2026, 6, 30, 12));

        ticket.RaiseDueAlerts(longAfter, Actor.System()).ShouldBe(0);

        ticket.IsStageOverdue(DeadlineStage.Reply, longAfter).ShouldBeFalse();
        ticket.Alerts.ShouldBeEmpty();
    }

    [Fact]
    public void DecideSuspension_Should_KeepTheClocksRunning_When_Rejected()
    {
        var ticket = Requested();

        ticket.DecideSuspension(false, "理由不充分", _s.Supervisor, _s.Tick());

        ticket.SuspensionStatus.ShouldBe(SuspensionStatus.Rejected);
        ticket.Clocks.NextDueAt.ShouldBe(TicketScenario.ReplyDue);
        ticket.Timeline[^1].Action.ShouldBe(TimelineActions.SuspensionRejected);
    }

    [Fact]
    public void DecideSuspension_Should_Refuse_When_NothingIsPending()
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.DecideSuspension(true, null, _s.Supervisor, _s.Tick())).Message.ShouldBe("没有待审批的挂起申请。");
        var other = new TicketScenario();
        Should.Throw<DomainException>(() => Suspended(scenario: other).DecideSuspension(true, null, other.Supervisor, other.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Resume_Should_RestartTheReplyClockWithTheWorkingDaysLeft_When_TheLeadResumes()
    {
        var ticket = Suspended();
        var probe = new StepProbe(ticket);

        // Stopped Tue 2 Jun with 3, 4, 5, 8 Jun left; resumed Fri 12 Jun: 15, 16, 17, 18 Jun (19 Jun is 端午).
        var now = _s.SetNow(China.At(2026, 6, 12, 17));
        ticket.Resume(StatutoryCalendar.Instance, _s.Lead, now);

        ticket.Clocks.ReplyDueAt.ShouldBe(China.At(2026, 6, 19));
        ticket.Clocks.NextDueAt.ShouldBe(China.At(2026, 6, 19));
        ticket.SuspensionStatus.ShouldBe(SuspensionStatus.Resumed);
        ticket.SuspendedTotal.ShouldBe(now - China.At(2026, 6, 2, 11));
        probe.ShouldHaveRecorded(TimelineActions.Resumed, TicketStatus.Accepted, TicketStatus.Accepted, now).Note.ShouldNotBeNull().ShouldContain("10 天 6 小时");
        probe.ShouldHaveRaised<SuspensionResumed>();
        ticket.IsStageOverdue(DeadlineStage.Reply, China.At(2026, 6, 18, 23)).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Reply, China.At(2026, 6, 19, 0, 1)).ShouldBeTrue();
    }

    [Fact]
    public void Resume_Should_RestartAClockHourClockByTheTimeStopped_When_AnUrgentOrderResumes()
    {
        var ticket = _s.Registered(urgency: Urgency.Urgent);
        ticket.Dispatch(_s.LeadUnitId, [], null, _s.Schedule, null, _s.Agent, _s.SetNow(China.At(2026, 6, 1, 10)));
        ticket.Accept(_s.Lead, _s.Tick(30));
        ticket.RecordContact("已联系", _s.Lead, _s.Tick(30));
        ticket.RequestSuspension("等待检测结果", null, _s.Lead, _s.SetNow(China.At(2026, 6, 1, 12)));
        ticket.DecideSuspension(true, null, _s.Supervisor, _s.SetNow(China.At(2026, 6, 1, 14)));

        ticket.Resume(StatutoryCalendar.Instance, _s.Supervisor, _s.SetNow(China.At(2026, 6, 3, 14)));

        // 24 h from 1 Jun 10:00, stopped 48 h.
        ticket.Clocks.ReplyDueAt.ShouldBe(China.At(2026, 6, 4, 10));
    }

    [Fact]
    public void Resume_Should_RestartAtTheEndOfTheSuspension_When_TheSweepFindsItOver()
    {
        var until = China.At(2026, 6, 12, 17);
        var ticket = Suspended(until);

        ticket.IsSuspensionOver(China.At(2026, 6, 12, 16)).ShouldBeFalse();
        var sweptAt = _s.SetNow(China.At(2026, 6, 15, 9));
        ticket.IsSuspensionOver(sweptAt).ShouldBeTrue();
        ticket.Resume(StatutoryCalendar.Instance, Actor.System("deadline-sweep"), sweptAt);

        ticket.Clocks.ReplyDueAt.ShouldBe(China.At(2026, 6, 19));
        ticket.SuspendedTotal.ShouldBe(until - China.At(2026, 6, 2, 11));
        ticket.Timeline[^1].Note.ShouldNotBeNull().ShouldStartWith("挂起期满");
    }

    [Fact]
    public void Resume_Should_Refuse_When_NotSuspendedOrByAnotherUnit()
    {
        var pending = Requested();
        Should.Throw<DomainException>(() => pending.Resume(StatutoryCalendar.Instance, _s.Lead, _s.Tick())).Message.ShouldBe("工单未挂起，无需恢复计时。");

        var other = new TicketScenario();
        var suspended = Suspended(scenario: other);
        var probe = new StepProbe(suspended);
        Should.Throw<ActorNotPermittedException>(() => suspended.Resume(StatutoryCalendar.Instance, other.Assisting, other.Tick()));
        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Suspended_Should_RefuseReplyReturnAndExtension_When_TheClocksAreStopped()
    {
        var ticket = Suspended();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.Reply(true, "已处理", _s.Lead, _s.Tick()));
        Should.Throw<DomainException>(() => ticket.RequestReturn("不属于本单位", _s.Lead, _s.Tick()));
        Should.Throw<DomainException>(() => ticket.RequestExtension(China.At(2026, 6, 20), "需要更多时间", _s.Lead, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Close_Should_EndTheSuspension_When_ASupervisorClosesASuspendedOrder()
    {
        var ticket = Suspended();
        var now = _s.SetNow(China.At(2026, 6, 3, 11));

        ticket.CloseBySupervisor("诉求不合理", _s.Supervisor, now);

        ticket.SuspensionStatus.ShouldBe(SuspensionStatus.Resumed);
        ticket.SuspendedTotal.ShouldBe(TimeSpan.FromDays(1));
        ticket.Clocks.NextAlertAt.ShouldBeNull();
    }

    [Fact]
    public void Close_Should_NotCountTheStoppedTimeAsLate_When_TheOldDeadlinePassedWhileSuspended()
    {
        var ticket = Suspended();

        // The reply was due at the end of 8 Jun; closed on 20 Jun after 18 days stopped.
        var now = _s.SetNow(China.At(2026, 6, 20, 11));
        ticket.CloseBySupervisor("诉求不合理", _s.Supervisor, now);

        ticket.IsStageOverdue(DeadlineStage.Reply, now).ShouldBeFalse();
        ticket.IsStageOverdue(DeadlineStage.Contact, now).ShouldBeFalse("contact was made before the suspension");
        ticket.Clocks.ReplyDueAt.ShouldNotBeNull().ShouldBeGreaterThan(now);
    }
}
