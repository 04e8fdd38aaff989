using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Deadlines;

/// <summary>
/// 预警 and 超期 on the aggregate. The scenario dispatches Mon 2026-06-01 10:00 (Normal): accept due 12:00
/// (warning at 80 %: 11:36), contact due 06-03 00:00 (warning 06-02 16:24), reply due 06-09 00:00
/// (warning 06-07 11:36).
/// </summary>
public sealed class DeadlineAlertTests
{
    private static readonly Actor Sweep = Actor.System("deadline-sweep");
    private readonly TicketScenario _s = new();

    [Fact]
    public void RaiseDueAlerts_Should_RaiseNothing_When_NoThresholdHasPassed()
    {
        var ticket = _s.Dispatched();
        var probe = new StepProbe(ticket);

        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 11, 35), Sweep).ShouldBe(0);

        probe.ShouldBeUnchanged();
        ticket.Clocks.NextAlertAt.ShouldBe(China.At(2026, 6, 1, 11, 36));
    }

    [Fact]
    public void RaiseDueAlerts_Should_RaiseOneWarning_When_EightyPercentOfTheAcceptTimeHasPassed()
    {
        var ticket = _s.Dispatched();

        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 11, 36), Sweep).ShouldBe(1);

        var alert = ticket.Alerts.ShouldHaveSingleItem();
        (alert.Stage, alert.Kind, alert.DueAt, alert.UnitId).ShouldBe((DeadlineStage.Accept, AlertKind.Warning, TicketScenario.AcceptDue, _s.LeadUnitId));
        ticket.Timeline[^1].Action.ShouldBe(TimelineActions.DeadlineWarning);
        var raised = ticket.DomainEvents.OfType<DeadlineAlertRaised>().ShouldHaveSingleItem();
        raised.Kind.ShouldBe(AlertKind.Warning);
        ticket.UrgeCount.ShouldBe(0, "a warning is not an urge");
        ticket.Clocks.NextAlertAt.ShouldBe(TicketScenario.AcceptDue, "the accept deadline itself is next");
    }

    [Fact]
    public void RaiseDueAlerts_Should_RaiseEachAlertOnce_When_RunRepeatedly()
    {
        var ticket = _s.Dispatched();
        var at = China.At(2026, 6, 1, 12, 5);

        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 11, 40), Sweep).ShouldBe(1);
        ticket.RaiseDueAlerts(at, Sweep).ShouldBe(1);
        ticket.RaiseDueAlerts(at, Sweep).ShouldBe(0);
        ticket.RaiseDueAlerts(at.AddMinutes(1), Sweep).ShouldBe(0);

        ticket.Alerts.Select(a => (a.Stage, a.Kind)).ShouldBe([(DeadlineStage.Accept, AlertKind.Warning), (DeadlineStage.Accept, AlertKind.Overdue)]);
        ticket.Timeline.Count(e => e.Action == TimelineActions.DeadlineOverdue).ShouldBe(1);
    }

    [Fact]
    public void RaiseDueAlerts_Should_RaiseOnlyOverdueAndCountAnUrge_When_TheFirstSweepComesAfterTheDeadline()
    {
        var ticket = _s.Dispatched();

        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 12, 30), Sweep).ShouldBe(1);

        var alert = ticket.Alerts.ShouldHaveSingleItem();
        alert.Kind.ShouldBe(AlertKind.Overdue);
        ticket.UrgeCount.ShouldBe(1);
        ticket.Clocks.AlertsRaised.ShouldBe(AlertFlags.AcceptWarning | AlertFlags.AcceptOverdue);
        var urge = ticket.Timeline.Where(e => e.Action == TimelineActions.Urged).ShouldHaveSingleItem("the urge it counts as is on the timeline");
        (urge.ActorUserName, urge.Note).ShouldBe(("deadline-sweep", "系统催办：签收已超期"));
    }

    [Fact]
    public void RaiseDueAlerts_Should_RaiseOverdue_When_TheDeadlineInstantIsReached()
    {
        var ticket = _s.Dispatched();
        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 11, 36), Sweep);

        ticket.RaiseDueAlerts(TicketScenario.AcceptDue, Sweep).ShouldBe(1);

        ticket.Alerts[^1].Kind.ShouldBe(AlertKind.Overdue);
    }

    [Fact]
    public void RaiseDueAlerts_Should_SkipTheAcceptStage_When_SignedForInTime()
    {
        var ticket = _s.Dispatched();
        ticket.Accept(_s.Lead, China.At(2026, 6, 1, 11));

        ticket.RaiseDueAlerts(China.At(2026, 6, 2, 16, 30), Sweep).ShouldBe(1);

        var alert = ticket.Alerts.ShouldHaveSingleItem();
        (alert.Stage, alert.Kind).ShouldBe((DeadlineStage.Contact, AlertKind.Warning));
    }

    [Fact]
    public void RaiseDueAlerts_Should_RaiseEveryLateStage_When_AllHavePassed()
    {
        var ticket = _s.Dispatched();

        ticket.RaiseDueAlerts(China.At(2026, 6, 10), Sweep).ShouldBe(3);

        ticket.Alerts.Select(a => a.Stage).ShouldBe([DeadlineStage.Accept, DeadlineStage.Contact, DeadlineStage.Reply], ignoreOrder: true);
        ticket.Alerts.ShouldAllBe(a => a.Kind == AlertKind.Overdue);
        ticket.UrgeCount.ShouldBe(3);
        ticket.Clocks.NextAlertAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    [InlineData(TicketStatus.Registered)]
    public void RaiseDueAlerts_Should_RaiseNothing_When_NoClockRuns(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        ticket.RaiseDueAlerts(China.At(2026, 7, 1), Sweep).ShouldBe(0);

        probe.ShouldBeUnchanged();
        ticket.Clocks.NextAlertAt.ShouldBeNull();
    }

    [Fact]
    public void DecideExtension_Should_ClearTheReplyWarningAndMoveItsAlerts_When_Approved()
    {
        var ticket = _s.Contacted();
        ticket.RaiseDueAlerts(China.At(2026, 6, 7, 12), Sweep).ShouldBe(1);
        ticket.Clocks.AlertsRaised.HasFlag(AlertFlags.ReplyWarning).ShouldBeTrue();
        var newDue = China.At(2026, 6, 19);
        ticket.RequestExtension(newDue, "需协调产权单位", _s.Lead, China.At(2026, 6, 7, 13));

        ticket.DecideExtension(true, "同意", _s.Supervisor, China.At(2026, 6, 8));

        ticket.Clocks.AlertsRaised.HasFlag(AlertFlags.ReplyWarning).ShouldBeFalse();
        ticket.Clocks.ReplyWarnAt.ShouldBe(China.At(2026, 6, 8) + (newDue - China.At(2026, 6, 8)) * 0.8);
        ticket.RaiseDueAlerts(China.At(2026, 6, 9, 1), Sweep).ShouldBe(0, "the old deadline no longer counts");
        ticket.RaiseDueAlerts(newDue, Sweep).ShouldBe(1);
        ticket.Alerts[^1].ShouldSatisfyAllConditions(
            a => a.Kind.ShouldBe(AlertKind.Overdue),
            a => a.DueAt.ShouldBe(newDue));
    }

    [Fact]
    public void DecideExtension_Should_KeepTheReplyAlerts_When_Rejected()
    {
        var ticket = _s.Contacted();
        ticket.RaiseDueAlerts(China.At(2026, 6, 7, 12), Sweep);
        ticket.RequestExtension(China.At(2026, 6, 19), "需协调", _s.Lead, China.At(2026, 6, 7, 13));

        ticket.DecideExtension(false, "不同意", _s.Supervisor, China.At(2026, 6, 8));

        ticket.Clocks.AlertsRaised.HasFlag(AlertFlags.ReplyWarning).ShouldBeTrue();
        ticket.Clocks.NextAlertAt.ShouldBe(TicketScenario.ReplyDue);
    }

    [Fact]
    public void ApproveReturn_Should_GiveTheNewUnitFreshAcceptAndContactAlerts()
    {
        var ticket = _s.Dispatched();
        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 12, 10), Sweep).ShouldBe(1);
        ticket.RequestReturn("不属于本单位职责", _s.Lead, China.At(2026, 6, 1, 12, 20));
        var newUnit = Guid.NewGuid();
        var approvedAt = China.At(2026, 6, 1, 13);

        ticket.ApproveReturn(newUnit, null, _s.Schedule, "改派", _s.Supervisor, approvedAt);

        ticket.Clocks.AlertsRaised.ShouldBe(AlertFlags.None);
        ticket.Clocks.AcceptDueAt.ShouldBe(China.At(2026, 6, 1, 15));
        ticket.Clocks.ReplyDueAt.ShouldBe(TicketScenario.ReplyDue, "the reply clock keeps running");
        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 15), Sweep).ShouldBe(1);
        ticket.Alerts[^1].ShouldSatisfyAllConditions(
            a => (a.Stage, a.Kind).ShouldBe((DeadlineStage.Accept, AlertKind.Overdue)),
            a => a.UnitId.ShouldBe(newUnit));
    }

    [Fact]
    public void RecordCallback_Should_RestartEveryClockAndItsAlerts_When_Reworked()
    {
        var ticket = _s.Dispatched();
        ticket.RaiseDueAlerts(China.At(2026, 6, 1, 12, 30), Sweep);
        ticket.Accept(_s.Lead, China.At(2026, 6, 1, 13));
        ticket.RecordContact("已联系", _s.Lead, China.At(2026, 6, 1, 14));
        ticket.Reply(false, "暂未解决", _s.Lead, China.At(2026, 6, 2, 9));
        var reworkAt = China.At(2026, 6, 3, 10);

        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, null, _s.Schedule, _s.CallbackStaff, reworkAt);

        ticket.Clocks.AlertsRaised.ShouldBe(AlertFlags.None);
        ticket.Clocks.NextAlertAt.ShouldBe(reworkAt.AddMinutes(96));
        ticket.RaiseDueAlerts(reworkAt.AddHours(2), Sweep).ShouldBe(1);
        ticket.Alerts[^1].DueAt.ShouldBe(reworkAt.AddHours(2));
    }

    [Fact]
    public void NextAlertAt_Should_BeNull_When_TheOrderIsReplied()
    {
        var ticket = _s.Contacted();
        ticket.Clocks.NextAlertAt.ShouldNotBeNull();

        ticket.Reply(true, "已解决", _s.Lead, China.At(2026, 6, 2, 9));

        ticket.Clocks.NextAlertAt.ShouldBeNull();
    }

    [Fact]
    public void ApproveReturn_Should_StartANewClockEpoch_When_TheNewDeadlineFallsOnTheSameInstant()
    {
        // Dispatched before National Day: contact is due 2026-10-09 00:00. Redispatched on the Oct 7 holiday,
        // the new unit's contact deadline is the same instant, and its warning must still be raised.
        _s.SetNow(China.At(2026, 9, 30, 9));
        var ticket = _s.Registered();
        ticket.Dispatch(_s.LeadUnitId, [], null, _s.Schedule, null, _s.Agent, China.At(2026, 9, 30, 10));
        ticket.RaiseDueAlerts(China.At(2026, 10, 7, 7), Sweep);
        var first = ticket.Alerts.Single(a => a.Stage == DeadlineStage.Contact);
        ticket.RequestReturn("不属于本单位职责", _s.Lead, China.At(2026, 10, 7, 8));
        ticket.ApproveReturn(Guid.NewGuid(), null, _s.Schedule, "改派", _s.Supervisor, China.At(2026, 10, 7, 9));

        ticket.Clocks.ContactDueAt.ShouldBe(first.DueAt);
        ticket.RaiseDueAlerts(China.At(2026, 10, 8, 20), Sweep);

        var warnings = ticket.Alerts.Where(a => a.Stage == DeadlineStage.Contact && a.Kind == AlertKind.Warning).ToList();
        warnings.Count.ShouldBe(2);
        warnings.Select(a => a.ClockEpoch).Distinct().Count().ShouldBe(2, "the unique index includes the epoch");
    }
}
