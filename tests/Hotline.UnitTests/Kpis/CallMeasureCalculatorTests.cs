using Hotline.Contracts.Kpis;
using Hotline.Core.Features.Kpis.GetCallMeasures;
using Shouldly;

namespace Hotline.UnitTests.Kpis;

/// <summary>The line's measures against a hand count of five calls and two callbacks on 1 December 2026 (China time).</summary>
public sealed class CallMeasureCalculatorTests
{
    private static readonly DateTimeOffset Midnight = new(2026, 11, 30, 16, 0, 0, TimeSpan.Zero); // 00:00 China time, 1 December

    private static readonly CallFact[] Calls =
    [
        Answered(Midnight, 10, 70, "agent"), // answered within 15 s, handled 60 s
        Answered(Midnight.AddMinutes(10), 20, 200, "agent2"), // answered after 20 s, handled 180 s
        new(Midnight.AddMinutes(20), null, Midnight.AddMinutes(20).AddSeconds(3), null, null), // gave up after 3 s: not offered
        new(Midnight.AddMinutes(65), null, Midnight.AddMinutes(65).AddSeconds(40), null, null), // gave up after 40 s
        new(Midnight.AddMinutes(90), Midnight.AddMinutes(90).AddSeconds(15), null, "agent", "话务员"), // exactly 15 s, still talking
    ];

    private static readonly CallbackFact[] Callbacks =
    [
        new(Midnight.AddMinutes(100), true, "agent", "话务员"),
        new(Midnight.AddMinutes(110), false, "agent", "话务员"),
    ];

    [Fact]
    public void Day_Should_MatchTheHandCount()
    {
        var day = CallMeasureCalculator.Compute(Calls, Callbacks, CallGrouping.Day).ShouldHaveSingleItem();

        day.Key.ShouldBe("2026-12-01");
        day.Answered.ShouldBe(3);
        day.AnsweredWithin15s.ShouldBe(2);
        day.Abandoned.ShouldBe(2);
        day.AbandonedWithin5s.ShouldBe(1);
        day.Offered.ShouldBe(4); // 3 answered + 2 abandoned − 1 within 5 s
        day.AnswerRate.ShouldBe(0.75);
        day.Within15sRate.ShouldBe(0.5);
        day.AverageSpeedOfAnswerSeconds.ShouldBe(15.0); // (10 + 20 + 15) / 3
        day.AverageHandleSeconds.ShouldBe(120.0); // (60 + 180) / 2, the call still on the line not yet
        day.CallbacksDone.ShouldBe(2);
        day.CallbacksReached.ShouldBe(1);
    }

    [Fact]
    public void Hours_Should_BeChinaTime()
    {
        var hours = CallMeasureCalculator.Compute(Calls, Callbacks, CallGrouping.Hour);

        hours.Select(h => h.Key).ShouldBe(["2026-12-01T00:00", "2026-12-01T01:00"]);
        (hours[0].Offered, hours[0].Answered, hours[0].AnswerRate, hours[0].Within15sRate, hours[0].CallbacksDone).ShouldBe((2, 2, 1.0, 0.5, 0));
        (hours[1].Offered, hours[1].Answered, hours[1].AnswerRate, hours[1].AverageHandleSeconds, hours[1].CallbacksDone).ShouldBe((2, 1, 0.5, (double?)null, 2));
    }

    [Fact]
    public void Agents_Should_HaveTheirAnsweredCallsAndCallbacks_And_TheUnansweredTheirOwnRow()
    {
        var agents = CallMeasureCalculator.Compute(Calls, Callbacks, CallGrouping.Agent).ToDictionary(a => a.Key);

        agents.Keys.ShouldBe([string.Empty, "agent", "agent2"], ignoreOrder: true);
        (agents[string.Empty].Abandoned, agents[string.Empty].Offered, agents[string.Empty].AnswerRate).ShouldBe((2, 1, 0.0));
        (agents["agent"].Answered, agents["agent"].AverageSpeedOfAnswerSeconds, agents["agent"].AverageHandleSeconds, agents["agent"].CallbacksDone).ShouldBe((2, 12.5, 60.0, 2));
        agents["agent"].Name.ShouldBe("话务员");
        (agents["agent2"].Answered, agents["agent2"].AnsweredWithin15s, agents["agent2"].Within15sRate).ShouldBe((1, 0, 0.0));
    }

    [Fact]
    public void Rates_Should_BeNull_When_NothingWasOffered()
    {
        var only = CallMeasureCalculator.Compute([new CallFact(Midnight, null, Midnight.AddSeconds(5), null, null)], [], CallGrouping.Day).ShouldHaveSingleItem();

        only.Offered.ShouldBe(0);
        only.AbandonedWithin5s.ShouldBe(1);
        only.AnswerRate.ShouldBeNull();
        only.Within15sRate.ShouldBeNull();
        only.AverageSpeedOfAnswerSeconds.ShouldBeNull();
        CallMeasureCalculator.Compute([], [], CallGrouping.Hour).ShouldBeEmpty();
    }

    private static CallFact Answered(DateTimeOffset start, int waitSeconds, int endSeconds, string agent) =>
        new(start, start.AddSeconds(waitSeconds), start.AddSeconds(endSeconds), agent, agent == "agent" ? "话务员" : "话务员二");
}
