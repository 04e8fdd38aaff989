using Hotline.Contracts.Telephony;
using Hotline.Core.Telephony;
using Hotline.Domain.Telephony;
using Shouldly;

namespace Hotline.UnitTests.Telephony;

public sealed class CallCentreTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero); // 00:00 China time, 1 December

    [Fact]
    public void Queue_Should_PutPriorityCallersFirst_Then_TheLongestWaiting_And_LeaveEndedCallsOut()
    {
        var early = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start);
        var later = Call.Incoming("CA2", "+8613900000002", null, "ringing", Start.AddSeconds(20));
        var priorityLatest = Call.Incoming("CA3", "+8613900000003", null, "ringing", Start.AddSeconds(40), CallPriority.OverdueOrder);
        var priorityEarlier = Call.Incoming("CA4", "+8613900000004", null, "ringing", Start.AddSeconds(30), CallPriority.OverdueOrder);
        var gone = Call.Incoming("CA5", "+8613900000005", null, "ringing", Start.AddSeconds(-60));
        gone.ApplyStatus("completed", 2, 10, Start.AddSeconds(5));

        var queue = CallQueue.Waiting(new[] { later, gone, priorityLatest, early, priorityEarlier }.AsQueryable()).Select(c => c.CallSid).ToList();

        queue.ShouldBe(["CA4", "CA3", "CA1", "CA2"]);
        priorityLatest.Priority.ShouldBe(1);
        early.Priority.ShouldBe(0);
        gone.IsWaiting.ShouldBeFalse();
    }

    [Fact]
    public void Queue_Should_AgreeOnTheFront_When_TwoCallersArriveAtTheSameInstant()
    {
        var a = Call.Incoming("CA1", "+8613900000001", null, "ringing", Start);
        var b = Call.Incoming("CA2", "+8613900000002", null, "ringing", Start);

        var one = CallQueue.Waiting(new[] { a, b }.AsQueryable()).First();
        var other = CallQueue.Waiting(new[] { b, a }.AsQueryable()).First();

        one.ShouldBeSameAs(other);
    }

    [Fact]
    public void StateTimes_Should_CountEachStateUntilTheNextChange_ClippedToTheDay()
    {
        var dayStart = Start;
        var dayEnd = Start.AddDays(1);
        var changes = new List<(AgentPresenceStatus, DateTimeOffset)>
        {
            (AgentPresenceStatus.Available, Start.AddHours(-2)), // before the day: the day starts available
            (AgentPresenceStatus.Busy, Start.AddHours(1)),
            (AgentPresenceStatus.WrapUp, Start.AddHours(1).AddMinutes(5)),
            (AgentPresenceStatus.Available, Start.AddHours(1).AddMinutes(5).AddSeconds(30)),
            (AgentPresenceStatus.Away, Start.AddHours(2)),
            (AgentPresenceStatus.Available, Start.AddHours(-5)), // older than the last one before the day: ignored
        };

        var totals = AgentStateTimes.Compute(changes, dayStart, dayEnd);

        totals[AgentPresenceStatus.Busy].ShouldBe(TimeSpan.FromMinutes(5));
        totals[AgentPresenceStatus.WrapUp].ShouldBe(TimeSpan.FromSeconds(30));
        totals[AgentPresenceStatus.Available].ShouldBe(TimeSpan.FromHours(2) - TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(30));
        totals[AgentPresenceStatus.Away].ShouldBe(TimeSpan.FromHours(22));
        totals.Values.Aggregate(TimeSpan.Zero, (sum, t) => sum + t).ShouldBe(TimeSpan.FromDays(1));
    }

    [Fact]
    public void StateTimes_Should_BeAwayAllDay_When_NoChangeCameBefore_And_ZeroForAnEmptyPeriod()
    {
        AgentStateTimes.Compute([], Start, Start.AddHours(3))[AgentPresenceStatus.Away].ShouldBe(TimeSpan.FromHours(3));
        AgentStateTimes.Compute([(AgentPresenceStatus.Busy, Start.AddHours(1))], Start, Start.AddHours(3))
            .ShouldSatisfyAllConditions(
                t => t[AgentPresenceStatus.Away].ShouldBe(TimeSpan.FromHours(1)),
                t => t[AgentPresenceStatus.Busy].ShouldBe(TimeSpan.FromHours(2)));
        AgentStateTimes.Compute([(AgentPresenceStatus.Busy, Start)], Start.AddHours(1), Start).Values.ShouldAllBe(t => t == TimeSpan.Zero);
    }

    [Fact]
    public void Presence_Should_EndTheWrapUpAfterTheWrapUpTime_And_ForgetItOnAnyOtherState()
    {
        var presence = AgentPresence.For(Guid.NewGuid(), AgentPresenceStatus.Busy, Start);
        presence.Set(AgentPresenceStatus.WrapUp, Start, TimeSpan.FromSeconds(30));
        presence.WrapUpEndsAt.ShouldBe(Start.AddSeconds(30));
        presence.Set(AgentPresenceStatus.Available, Start.AddSeconds(10));
        presence.WrapUpEndsAt.ShouldBeNull();
    }

    [Fact]
    public void Twiml_Should_DialTheAgentsNumber_WithTheCallersId()
    {
        new Twiml().DialNumber("+8613900001111", "+8613812345678").ToString()
            .ShouldBe("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial callerId=\"+8613812345678\"><Number>+8613900001111</Number></Dial></Response>");
    }
}
