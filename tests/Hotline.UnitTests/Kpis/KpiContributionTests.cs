using System.ComponentModel.DataAnnotations;
using Hotline.Contracts;
using Hotline.Domain.Tickets;
using Hotline.Core.Features.Kpis;
using Hotline.Core.Features.Kpis.Counts;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Kpis;

/// <summary>What one order adds to the measures (docs/kpis.md), and the earlier-round lateness the aggregate keeps.</summary>
public sealed class KpiContributionTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void Contribution_Should_CountOnTimeResponseAndReply_When_EveryStageIsDoneBeforeItsDeadline()
    {
        var ticket = _s.Replied();

        var unit = UnitRow(ticket, TicketScenario.DispatchedAt);

        (unit.Dispatched, unit.RespondedOnTime, unit.ResponseLate, unit.Replied, unit.RepliedOnTime, unit.ReplyLate).ShouldBe((1, 1, 0, 1, 1, 0));
    }

    [Fact]
    public void Contribution_Should_CountAnOpenStageLate_OnlyOnceTheSweepRaisedItsOverdueAlert()
    {
        var ticket = _s.Dispatched();
        UnitRow(ticket, TicketScenario.DispatchedAt).ShouldSatisfyAllConditions(
            r => (r.RespondedOnTime, r.ResponseLate).ShouldBe((0, 0), "pending until the sweep notices"));

        ticket.RaiseDueAlerts(TicketScenario.ReplyDue.AddMinutes(1), Hotline.Domain.Common.Actor.System());

        var late = UnitRow(ticket, TicketScenario.DispatchedAt);
        (late.ResponseLate, late.ReplyLate, late.OverdueOpen).ShouldBe((1, 1, 1));
    }

    [Theory]
    [InlineData(2026, 11, 30, 2026, 11, 30)]
    [InlineData(2026, 12, 3, 2026, 11, 30)]
    [InlineData(2026, 12, 6, 2026, 11, 30)]
    [InlineData(2026, 12, 7, 2026, 12, 7)]
    public void HotSpotWeek_Should_BeTheMondayOfTheRegistrationsWeek(int y, int m, int d, int wy, int wm, int wd) =>
        KpiContribution.HotSpotWeek(new DateOnly(y, m, d)).ShouldBe(new DateOnly(wy, wm, wd));

    [Fact]
    public void HotSpotRow_Should_BeKeptUnderItsWeek_While_TheVolumesKeepTheDay()
    {
        var snapshot = KpiSnapshot.Of(_s.Dispatched());

        var rows = KpiContribution.Of(snapshot).ToList();

        rows.Single(r => r.Dimension == KpiDimension.StreetCategory).Day.ShouldBe(KpiContribution.HotSpotWeek(snapshot.CreatedDay));
        rows.Single(r => r.Dimension == KpiDimension.Category && r.Registered == 1).Day.ShouldBe(snapshot.CreatedDay);
    }

    [Fact]
    public void Rework_Should_KeepEarlierLateness_When_TheNextRoundIsOnTime()
    {
        var ticket = _s.Dispatched();
        ticket.Accept(_s.Lead, TicketScenario.AcceptDue.AddMinutes(30)); // late
        ticket.RecordContact("已联系", _s.Lead, TicketScenario.AcceptDue.AddHours(1));
        ticket.Reply(false, "已处理", _s.Lead, TicketScenario.AcceptDue.AddHours(2));
        var reworkAt = TicketScenario.AcceptDue.AddHours(3);
        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, null, _s.Schedule, _s.CallbackStaff, reworkAt);
        ticket.Accept(_s.Lead, reworkAt.AddMinutes(5));
        ticket.RecordContact("再次联系", _s.Lead, reworkAt.AddMinutes(10));

        ticket.PriorResponseLate.ShouldBeTrue();
        ticket.PriorReplyLate.ShouldBeFalse();
        ticket.ReworkCount.ShouldBe(1);
        ticket.FirstDispatchedAt.ShouldBe(TicketScenario.DispatchedAt, "a rework does not move the order's period");
        var unit = UnitRow(ticket, TicketScenario.DispatchedAt);
        (unit.Dispatched, unit.RespondedOnTime, unit.ResponseLate, unit.Dissatisfied).ShouldBe((1, 0, 1, 1), "counted once, late once and for good, with its latest callback");
    }

    [Fact]
    public void ApprovedReturn_Should_ClearEarlierLateness_When_TheOrderGoesToAnotherUnit()
    {
        var ticket = _s.Dispatched();
        ticket.RequestReturn("非本单位职责", _s.Lead, TicketScenario.AcceptDue.AddHours(1));
        ticket.ApproveReturn(_s.OtherUnitId, null, _s.Schedule, null, _s.Supervisor, TicketScenario.AcceptDue.AddHours(2));

        ticket.PriorResponseLate.ShouldBeFalse();
        KpiContribution.Of(KpiSnapshot.Of(ticket)).Where(r => r.Dimension == KpiDimension.Unit).Select(r => r.Key)
            .ShouldBe([KpiContribution.UnitKey(_s.OtherUnitId)], "the unit it was redispatched to is accountable");
    }

    [Fact]
    public void Contribution_Should_CountNothingButRegistration_When_TheOrderIsADuplicate()
    {
        var original = _s.Dispatched();
        var duplicate = _s.Dispatched();
        duplicate.MergeInto(original, _s.Supervisor, TicketScenario.AcceptDue.AddHours(5));

        var rows = KpiContribution.Of(KpiSnapshot.Of(duplicate)).ToList();

        rows.ShouldAllBe(r => r.Dispatched == 0 && r.HotSpot == 0 && r.ResponseLate == 0);
        rows.Sum(r => r.Registered).ShouldBe(4, "channel, type, category and district volumes");
    }

    [Theory]
    [InlineData(-0.1, 0.45, 0.45, 0, 1.0, 5, 2.0)]
    [InlineData(0, 0, 0, 0, 1.0, 5, 2.0)]
    [InlineData(0.1, 0.45, 0.45, 0, 1.5, 5, 2.0)]
    [InlineData(0.1, 0.45, 0.45, 0, 1.0, 0, 2.0)]
    [InlineData(0.1, 0.45, 0.45, 0, 1.0, 5, 0.5)]
    public void Options_Should_BeRejectedAtStart_When_WeightsOrTheHotSpotRuleAreInvalid(double response, double resolution, double satisfaction, double reply, double basic, int minCount, double minRatio)
    {
        var options = new KpiOptions
        {
            BasicallySatisfiedWeight = basic,
            Weights = new ScoreWeights { Response = response, Resolution = resolution, Satisfaction = satisfaction, OnTimeReply = reply },
            HotSpots = new HotSpotOptions { MinCount = minCount, MinRatio = minRatio },
        };

        Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true).ShouldBeFalse();
    }

    [Fact]
    public void Score_Should_WeighOnlyTheRatesThatExist()
    {
        var weights = new ScoreWeights();

        MeasureCalculator.Score(0.6667, 0.75, 0.75, 0.3333, weights).ShouldBe(74.17);
        MeasureCalculator.Score(1.0, null, null, 1.0, weights).ShouldBe(100, "no valid callback: the response rate alone");
        MeasureCalculator.Score(null, null, null, 0.5, weights).ShouldBeNull("the on-time reply rate has no weight by default");
    }

    /// <summary>The unit's counters on the day of <paramref name="dispatchedAt"/> (stage and callback rows added up).</summary>
    private static KpiCount UnitRow(Ticket ticket, DateTimeOffset dispatchedAt)
    {
        var sum = new KpiCount();
        foreach (var row in KpiContribution.Of(KpiSnapshot.Of(ticket)).Where(r => r.Dimension == KpiDimension.Unit && r.Day == Hotline.Domain.Common.ChinaTime.DateOf(dispatchedAt)))
        {
            sum.Add(row, 1);
        }

        return sum;
    }
}
