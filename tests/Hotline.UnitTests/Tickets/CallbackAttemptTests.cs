using Hotline.Contracts;
using Hotline.Domain.Callbacks;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

/// <summary>Unreached callback calls (无人接听, 关机, 拒接, 空号) and the 不满意原因 kept with a dissatisfied callback.</summary>
public sealed class CallbackAttemptTests
{
    /// <summary>Wed 2026-06-03 10:00 China time.</summary>
    private static readonly DateTimeOffset CallAt = China.At(2026, 6, 3, 10);

    private readonly TicketScenario _s = new();

    [Fact]
    public void RecordCallbackAttempt_Should_KeepTheOrderReplied_And_ScheduleTheRetry_When_BelowTheLimit()
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(CallAt);
        var version = ticket.Version;

        ticket.RecordCallbackAttempt(ContactFailure.NoAnswer, now.AddHours(2), 3, null, _s.Schedule, _s.CallbackStaff, now);

        ticket.Status.ShouldBe(TicketStatus.Replied);
        ticket.CallbackAttempts.ShouldBe(1);
        ticket.CallbackRetryAt.ShouldBe(now.AddHours(2));
        ticket.CallbackFailure.ShouldBe(ContactFailure.NoAnswer);
        ticket.CallbackOutcome.ShouldBeNull();
        ticket.Version.ShouldBe(version + 1);
        var entry = probe.ShouldHaveRecorded(TimelineActions.CallbackAttempted, TicketStatus.Replied, TicketStatus.Replied, now);
        entry.Note.ShouldBe("回访未接通：无人接听（第 1 次，共 3 次），2026-06-03 12:00 再次回访");
        probe.ShouldHaveRaised<CallbackAttempted>().RetryAt.ShouldBe(now.AddHours(2));
    }

    [Fact]
    public void RecordCallbackAttempt_Should_RecordUnreachableAndClose_When_TheLastAttemptIsUnreached()
    {
        var ticket = _s.Replied();
        var first = _s.SetNow(CallAt);
        ticket.RecordCallbackAttempt(ContactFailure.PoweredOff, first.AddHours(2), 2, null, _s.Schedule, _s.CallbackStaff, first);
        var probe = new StepProbe(ticket);
        var second = _s.SetNow(first.AddHours(2));

        ticket.RecordCallbackAttempt(ContactFailure.Declined, second.AddHours(2), 2, "两次均未接通", _s.Schedule, _s.CallbackStaff, second);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CallbackOutcome.ShouldBe(CallbackOutcome.Unreachable);
        ticket.CallbackAttempts.ShouldBe(2);
        ticket.CallbackRetryAt.ShouldBeNull();
        ticket.ReworkCount.ShouldBe(0);
        probe.ShouldHaveRecorded(TimelineActions.CallbackRecorded, TicketStatus.Replied, TicketStatus.Closed, second)
            .Note.ShouldBe("联系不上。拒接（第 2 次，共 2 次），已达回访次数上限。两次均未接通");
    }

    [Fact]
    public void RecordCallbackAttempt_Should_RecordUnreachableAtOnce_When_TheNumberIsWrong()
    {
        var ticket = _s.Replied();
        var now = _s.SetNow(CallAt);

        ticket.RecordCallbackAttempt(ContactFailure.WrongNumber, now.AddHours(2), 3, null, _s.Schedule, _s.CallbackStaff, now);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CallbackOutcome.ShouldBe(CallbackOutcome.Unreachable);
        ticket.CallbackAttempts.ShouldBe(1);
    }

    [Fact]
    public void RecordCallbackAttempt_Should_Refuse_And_ChangeNothing_When_TheRetryIsNotLater()
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(CallAt);

        Should.Throw<DomainException>(() => ticket.RecordCallbackAttempt(ContactFailure.NoAnswer, now, 3, null, _s.Schedule, _s.CallbackStaff, now));

        ticket.CallbackRetryAt.ShouldBeNull();
        probe.NewEntries.ShouldBeEmpty();
    }

    [Fact]
    public void Reply_Should_StartTheAttemptsAgain_When_TheReworkedOrderIsRepliedAgain()
    {
        var ticket = _s.Replied();
        var now = _s.SetNow(CallAt);
        ticket.RecordCallbackAttempt(ContactFailure.NoAnswer, now.AddHours(2), 3, null, _s.Schedule, _s.CallbackStaff, now);
        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, null, _s.Schedule, _s.CallbackStaff, _s.SetNow(now.AddHours(3)), new CallbackReason("unresolved", "未解决诉求", 1));
        ticket.CallbackRetryAt.ShouldBeNull();

        ticket.Accept(_s.Lead, _s.Tick());
        ticket.RecordContact("再次联系市民", _s.Lead, _s.Tick());
        ticket.Reply(true, "已再次处理", _s.Lead, _s.Tick());

        (ticket.CallbackAttempts, ticket.CallbackRetryAt, ticket.CallbackFailure).ShouldBe((0, (DateTimeOffset?)null, (ContactFailure?)null));
    }

    [Fact]
    public void RecordCallback_Should_KeepTheReason_And_NameItOnTheTimeline_When_Dissatisfied()
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(CallAt);

        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, "市民称无人上门", _s.Schedule, _s.CallbackStaff, now, new CallbackReason("not-contacted", "未联系诉求人", 2));

        ticket.CallbackReasonCode.ShouldBe("not-contacted");
        ticket.Status.ShouldBe(TicketStatus.Dispatched);
        probe.NewEntries.First(e => e.Action == TimelineActions.CallbackRecorded).Note.ShouldBe("不满意，未解决。不满意原因：未联系诉求人。市民称无人上门");
    }

    [Fact]
    public void RecordCallback_Should_Refuse_When_AReasonComesWithoutDissatisfaction()
    {
        var ticket = _s.Replied();

        Should.Throw<DomainException>(() => ticket.RecordCallback(
            CallbackOutcome.Satisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.SetNow(CallAt), new CallbackReason("other", "其他", 6)));
        ticket.Status.ShouldBe(TicketStatus.Replied);
    }
}
