using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class SplitAndSupervisionTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void Split_Should_CloseTheOriginalAndCopyTheCitizenIntoEachPart_When_Registered()
    {
        var original = _s.Registered();
        var probe = new StepProbe(original);
        var now = _s.Tick();

        var parts = original.Split([Part("1"), Part("2")], _s.Agent, now);

        original.Status.ShouldBe(TicketStatus.Closed);
        original.CloseReason.ShouldBe(CloseReason.Split);
        probe.ShouldHaveRecorded(TimelineActions.Split, TicketStatus.Registered, TicketStatus.Closed, now).Note!.ShouldContain("S-2");
        probe.NewEvents.OfType<TicketClosed>().Single().Reason.ShouldBe(CloseReason.Split);
        probe.NewEvents.OfType<TicketSplit>().Single().PartIds.ShouldBe(parts.Select(p => p.Id).ToList());
        parts.ShouldAllBe(p => p.Status == TicketStatus.Registered && p.SplitFromTicketId == original.Id && p.Citizen == original.Citizen && p.Location == original.Location);
        parts.Select(p => p.Number).ShouldBe(["S-1", "S-2"]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Split_Should_ThrowAndChangeNothing_When_ThePartCountIsOutOfRange(int count)
    {
        var original = _s.Registered();
        var version = original.Version;

        Should.Throw<DomainException>(() => original.Split(Enumerable.Range(1, count).Select(i => Part(i.ToString())).ToList(), _s.Agent, _s.Tick()))
            .Message.ShouldContain("2 至 10");
        original.Status.ShouldBe(TicketStatus.Registered);
        original.Version.ShouldBe(version);
    }

    [Fact]
    public void Split_Should_ThrowInvalidTransition_When_AlreadyDispatched() =>
        Should.Throw<InvalidTransitionException>(() => _s.Dispatched().Split([Part("1"), Part("2")], _s.Agent, _s.Tick()));

    [Fact]
    public void Instruct_Should_TightenTheReplyDeadline_When_EarlierThanTheCurrentOne()
    {
        var ticket = _s.Accepted();
        var due = ticket.Clocks.ReplyDueAt!.Value.AddHours(-1);
        var now = _s.Tick();

        ticket.Instruct("请尽快处理", "王副市长", due, _s.Supervisor, now);

        ticket.Clocks.ReplyDueAt.ShouldBe(due);
        ticket.InstructionCount.ShouldBe(1);
        ticket.Instructions.Single().ReplyDueAt.ShouldBe(due);
        ticket.Timeline[^1].Action.ShouldBe(TimelineActions.Instructed);
        ticket.Timeline[^1].Note!.ShouldStartWith("王副市长批示：请尽快处理");
    }

    [Fact]
    public void Instruct_Should_RefuseALaterDeadlineAndChangeNothing_When_NotTighter()
    {
        var ticket = _s.Accepted();
        var current = ticket.Clocks.ReplyDueAt!.Value;
        var version = ticket.Version;

        Should.Throw<DomainException>(() => ticket.Instruct("x", "y", current.AddHours(1), _s.Supervisor, _s.Tick())).Message.ShouldContain("只能压缩");
        ticket.Clocks.ReplyDueAt.ShouldBe(current);
        ticket.InstructionCount.ShouldBe(0);
        ticket.Version.ShouldBe(version);
    }

    [Fact]
    public void SetFlag_Should_SetAndClear_When_TheFlagChanges()
    {
        var ticket = _s.Dispatched();
        ticket.SetFlag(TicketFlag.Hard, true, _s.Supervisor, _s.Tick());
        ticket.FlaggedHard.ShouldBeTrue();
        Should.Throw<DomainException>(() => ticket.SetFlag(TicketFlag.Hard, true, _s.Supervisor, _s.Tick()));
        ticket.SetFlag(TicketFlag.Hard, false, _s.Supervisor, _s.Tick());
        ticket.FlaggedHard.ShouldBeFalse();
        ticket.Timeline[^1].Action.ShouldBe(TimelineActions.FlagCleared);
    }

    [Fact]
    public void RequestAssessment_Should_BeClearedByTheDispatch_When_Marked()
    {
        var ticket = _s.Registered();
        ticket.RequestAssessment("不确定归属", _s.Agent, _s.Tick());
        ticket.AssessmentPending.ShouldBeTrue();

        ticket.Dispatch(_s.LeadUnitId, [], null, _s.Schedule, null, _s.Supervisor, _s.Tick());

        ticket.AssessmentPending.ShouldBeFalse();
        Should.Throw<InvalidTransitionException>(() => ticket.RequestAssessment("x", _s.Agent, _s.Tick()));
    }

    private static SplitPart Part(string n) => new(Guid.NewGuid(), $"S-{n}", $"诉求 {n}", "sw-ts", Urgency.Normal);
}
