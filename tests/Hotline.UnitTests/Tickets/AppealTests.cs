using Hotline.Contracts;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

/// <summary>申诉: the window in working days across holidays and 调休, the verdicts that may be appealed, the decision and its exemption.</summary>
public sealed class AppealTests
{
    private static readonly WorkingCalendar Calendar = StatutoryCalendar.Instance;

    private readonly TicketScenario _s = new();

    /// <summary>Replied on time (Tue 2 Jun 16:00) and called back dissatisfied, unsolved at <paramref name="at"/>: reworked.</summary>
    private Ticket CalledBackDissatisfied(DateTimeOffset at)
    {
        var ticket = _s.Replied();
        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, "市民不认可", _s.Schedule, _s.CallbackStaff, _s.SetNow(at));
        return ticket;
    }

    private TicketAppeal File(Ticket ticket, AppealKind kind, DateTimeOffset now, DateTimeOffset? lastOverdueAlertAt = null) =>
        ticket.FileAppeal(Guid.NewGuid(), kind, "市民诉求超出政策规定", lastOverdueAlertAt, AppealPolicy.DefaultWindowWorkingDays, Calendar, _s.Lead, _s.SetNow(now));

    [Fact]
    public void WindowEndsAt_Should_SkipNationalDayAndCountTheAdjustedSaturday_When_TheVerdictIsOn30September()
    {
        // 1–7 Oct 2026 off; Thu 8, Fri 9 and Sat 10 (调休上班) are the three working days: the window closes at 00:00 Sun 11 Oct.
        AppealPolicy.WindowEndsAt(China.At(2026, 9, 30, 10), 3, Calendar).ShouldBe(China.At(2026, 10, 11));
    }

    [Fact]
    public void WindowEndsAt_Should_CountTheSpringFestivalSaturdayAndSkipTheHoliday_When_TheVerdictIsOn12February()
    {
        // Fri 13, Sat 14 Feb (春节调休上班), then 15–23 Feb off: the third working day is Tue 24 Feb.
        AppealPolicy.WindowEndsAt(China.At(2026, 2, 12, 15), 3, Calendar).ShouldBe(China.At(2026, 2, 25));
        AppealPolicy.WindowEndsAt(China.At(2026, 2, 12, 15), 1, Calendar).ShouldBe(China.At(2026, 2, 14));
    }

    [Fact]
    public void FileAppeal_Should_BeAllowedOnTheAdjustedSaturdayAndRefusedTheDayAfter_When_TheCallbackWasBeforeNationalDay()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 9, 30, 10));
        var other = new TicketScenario();
        var late = other.Replied();
        late.RecordCallback(CallbackOutcome.Dissatisfied, false, null, other.Schedule, other.CallbackStaff, other.SetNow(China.At(2026, 9, 30, 10)));
        var probe = new StepProbe(late);

        var appeal = File(ticket, AppealKind.Callback, China.At(2026, 10, 10, 23, 59));
        var refused = Should.Throw<DomainException>(() => late.FileAppeal(Guid.NewGuid(), AppealKind.Callback, "x", null, 3, Calendar, other.Lead, other.SetNow(China.At(2026, 10, 11))));

        (appeal.Status, appeal.VerdictAt, appeal.WindowEndsAt, appeal.UnitId).ShouldBe((AppealStatus.Pending, China.At(2026, 9, 30, 10), China.At(2026, 10, 11), _s.LeadUnitId));
        refused.Message.ShouldBe("申诉期已过：回访评价认定后 3 个工作日内可申诉，截至 2026-10-10 23:59。");
        probe.ShouldBeUnchanged();
        late.Appeals.ShouldBeEmpty();
    }

    [Fact]
    public void FileAppeal_Should_RecordAndRaise_When_TheLeadAppealsACallback()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        var probe = new StepProbe(ticket);
        var now = China.At(2026, 6, 4, 9);

        var appeal = File(ticket, AppealKind.Callback, now);

        var entry = probe.ShouldHaveRecorded(TimelineActions.AppealFiled, ticket.Status, ticket.Status, now);
        entry.Note.ShouldBe("回访评价申诉：市民诉求超出政策规定");
        probe.ShouldHaveRaised<AppealFiled>().AppealId.ShouldBe(appeal.Id);
        ticket.Appeals.ShouldHaveSingleItem().ShouldBe(appeal);
    }

    [Fact]
    public void FileAppeal_Should_TakeTheLateReplyAsTheVerdict_When_NoAlertCameLater()
    {
        var ticket = _s.Contacted();
        ticket.Reply(true, "已处理", _s.Lead, _s.SetNow(China.At(2026, 6, 10, 10)));

        var appeal = File(ticket, AppealKind.Overdue, China.At(2026, 6, 15, 18), lastOverdueAlertAt: China.At(2026, 6, 9, 0, 5));

        // Reply due at 00:00 Tue 9 Jun, replied Wed 10 Jun: Thu 11, Fri 12, Mon 15 make the window.
        (appeal.VerdictAt, appeal.WindowEndsAt).ShouldBe((China.At(2026, 6, 10, 10), China.At(2026, 6, 16)));
    }

    [Fact]
    public void FileAppeal_Should_Refuse_When_TheKindHasNoVerdict()
    {
        var replied = _s.Replied();
        Should.Throw<DomainException>(() => File(replied, AppealKind.Callback, _s.Tick())).Message.ShouldBe("工单尚无有效的回访结果，没有可申诉的回访评价。");
        Should.Throw<DomainException>(() => File(replied, AppealKind.Overdue, _s.Tick())).Message.ShouldBe("工单未被认定超期，没有可申诉的超期。");

        var other = new TicketScenario();
        var unreachable = other.Replied();
        unreachable.RecordCallback(CallbackOutcome.Unreachable, null, null, other.Schedule, other.CallbackStaff, other.Tick());
        Should.Throw<DomainException>(() => unreachable.FileAppeal(Guid.NewGuid(), AppealKind.Callback, "x", null, 3, Calendar, other.Lead, other.Tick()));
    }

    [Fact]
    public void FileAppeal_Should_RefuseASecondPendingOfTheSameKind_ButNotOfTheOther()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 11));
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 12))).Message.ShouldBe("已有待审核的回访评价申诉，请等待督办审核。");
        probe.ShouldBeUnchanged();
        File(ticket, AppealKind.Overdue, China.At(2026, 6, 3, 12), lastOverdueAlertAt: China.At(2026, 6, 3, 0, 5)).Kind.ShouldBe(AppealKind.Overdue);
    }

    [Fact]
    public void FileAppeal_Should_ThrowActorNotPermitted_When_NotTheLeadUnit()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));

        Should.Throw<ActorNotPermittedException>(() => ticket.FileAppeal(Guid.NewGuid(), AppealKind.Callback, "x", null, 3, Calendar, _s.Assisting, _s.Tick()));
        Should.Throw<ActorNotPermittedException>(() => ticket.FileAppeal(Guid.NewGuid(), AppealKind.Callback, "x", null, 3, Calendar, _s.Supervisor, _s.Tick()));
    }

    [Fact]
    public void DecideAppeal_Should_ExemptTheCallbackFromTheRates_When_Upheld()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        var appeal = File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 11));
        var before = CallbackRow(ticket);
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(China.At(2026, 6, 4, 9));

        ticket.DecideAppeal(appeal.Id, true, "诉求不合理", _s.Supervisor, now);

        probe.ShouldHaveRecorded(TimelineActions.AppealUpheld, ticket.Status, ticket.Status, now).Note.ShouldBe("回访评价申诉成立：该次回访不计入解决率和满意率。诉求不合理");
        probe.ShouldHaveRaised<AppealDecided>().Upheld.ShouldBeTrue();
        (appeal.Status, appeal.DecidedBy, appeal.DecisionNote, appeal.DecidedAt).ShouldBe((AppealStatus.Upheld, "supervisor", "诉求不合理", now));
        ticket.IsCallbackExempted.ShouldBeTrue();
        (before.Dissatisfied, before.CallbackExempted).ShouldBe((1, 0));
        var after = CallbackRow(ticket);
        (after.Dissatisfied, after.Satisfied, after.Solved, after.CallbackExempted).ShouldBe((0, 0, 0, 1));
    }

    [Fact]
    public void DecideAppeal_Should_NotExemptALaterCallback_When_TheOrderIsCalledBackAgain()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        var appeal = File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 11));
        ticket.DecideAppeal(appeal.Id, true, null, _s.Supervisor, _s.SetNow(China.At(2026, 6, 3, 12)));
        ticket.Accept(_s.Lead, _s.Tick());
        ticket.RecordContact("再次联系", _s.Lead, _s.Tick());
        ticket.Reply(true, "已整改", _s.Lead, _s.Tick());

        ticket.RecordCallback(CallbackOutcome.Satisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.SetNow(China.At(2026, 6, 5, 10)));

        ticket.IsCallbackExempted.ShouldBeFalse("the exemption covers the verdict appealed, not the next callback");
        CallbackRow(ticket).ShouldSatisfyAllConditions(r => r.Satisfied.ShouldBe(1), r => r.CallbackExempted.ShouldBe(0));
    }

    [Fact]
    public void DecideAppeal_Should_ExemptTheLateness_When_AnOverdueAppealIsUpheld()
    {
        var ticket = _s.Contacted();
        ticket.Reply(true, "已处理", _s.Lead, _s.SetNow(China.At(2026, 6, 10, 10)));
        var appeal = File(ticket, AppealKind.Overdue, China.At(2026, 6, 11, 9));
        var before = StageRow(ticket);

        ticket.DecideAppeal(appeal.Id, true, "施工方延误，非本单位原因", _s.Supervisor, _s.SetNow(China.At(2026, 6, 11, 10)));

        ticket.LatenessExempted.ShouldBeTrue();
        (before.ReplyLate, before.ReplyExempted).ShouldBe((1, 0));
        var after = StageRow(ticket);
        (after.Replied, after.RepliedOnTime, after.ReplyLate, after.ReplyExempted, after.RespondedOnTime, after.ResponseExempted).ShouldBe((1, 0, 0, 1, 1, 0));
    }

    [Fact]
    public void DecideAppeal_Should_ChangeNoRate_When_Rejected()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        var appeal = File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 11));

        ticket.DecideAppeal(appeal.Id, false, "回访记录属实", _s.Supervisor, _s.SetNow(China.At(2026, 6, 3, 12)));

        appeal.Status.ShouldBe(AppealStatus.Rejected);
        ticket.Timeline[^1].ShouldSatisfyAllConditions(e => e.Action.ShouldBe(TimelineActions.AppealRejected), e => e.Note.ShouldBe("回访评价申诉不成立。回访记录属实"));
        ticket.IsCallbackExempted.ShouldBeFalse();
        CallbackRow(ticket).ShouldSatisfyAllConditions(r => r.Dissatisfied.ShouldBe(1), r => r.CallbackExempted.ShouldBe(0));
    }

    [Fact]
    public void DecideAppeal_Should_Refuse_When_NotPendingWithoutANoteOrByTheAppellantsUnit()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        var appeal = File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 11));
        var probe = new StepProbe(ticket);
        var supervisorOfTheUnit = new Actor(Guid.NewGuid(), "unit-supervisor", [Roles.Supervisor], _s.LeadUnitId);

        Should.Throw<ActorNotPermittedException>(() => ticket.DecideAppeal(appeal.Id, true, null, supervisorOfTheUnit, _s.Tick()));
        Should.Throw<DomainException>(() => ticket.DecideAppeal(appeal.Id, false, " ", _s.Supervisor, _s.Tick())).Message.ShouldBe("驳回申诉须填写审核意见。");
        probe.ShouldBeUnchanged();
        ticket.DecideAppeal(appeal.Id, false, "属实", _s.Supervisor, _s.Tick());
        Should.Throw<DomainException>(() => ticket.DecideAppeal(appeal.Id, true, null, _s.Supervisor, _s.Tick())).Message.ShouldBe("该申诉已审核，不能再次审核。");
        appeal.Status.ShouldBe(AppealStatus.Rejected);
    }

    [Fact]
    public void FileAppeal_Should_Refuse_When_TheVerdictIsAlreadyExempted()
    {
        var ticket = CalledBackDissatisfied(China.At(2026, 6, 3, 10));
        var appeal = File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 11));
        ticket.DecideAppeal(appeal.Id, true, null, _s.Supervisor, _s.Tick());

        Should.Throw<DomainException>(() => File(ticket, AppealKind.Callback, China.At(2026, 6, 3, 15))).Message.ShouldBe("回访评价申诉已成立，该项已不计入考核，无需再申诉。");
    }

    private static KpiCount CallbackRow(Ticket ticket) =>
        KpiContribution.Of(KpiSnapshot.Of(ticket)).Single(r => r.Dimension == KpiDimension.Unit && r.Day == ChinaTime.DateOf(ticket.CallbackAt!.Value));

    private static KpiCount StageRow(Ticket ticket) =>
        KpiContribution.Of(KpiSnapshot.Of(ticket)).Single(r => r.Dimension == KpiDimension.Unit && r.Day == ChinaTime.DateOf(TicketScenario.DispatchedAt));
}
