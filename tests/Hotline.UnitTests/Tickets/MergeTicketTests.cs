using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class MergeTicketTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void MergeInto_Should_CloseAsDuplicate_When_AgentMergesRegisteredOrder()
    {
        var original = _s.Registered();
        var duplicate = _s.Registered();
        var probe = new StepProbe(duplicate);
        var now = _s.Tick();

        duplicate.MergeInto(original, _s.Agent, now);

        duplicate.Status.ShouldBe(TicketStatus.Closed);
        duplicate.CloseReason.ShouldBe(CloseReason.Duplicate);
        duplicate.MergedIntoTicketId.ShouldBe(original.Id);
        duplicate.ClosedAt.ShouldBe(now);
        probe.ShouldHaveRecorded(TimelineActions.Merged, TicketStatus.Registered, TicketStatus.Closed, now).Note!.ShouldContain(original.Number);
        probe.ShouldHaveRaised<TicketClosed>().Reason.ShouldBe(CloseReason.Duplicate);
        original.Status.ShouldBe(TicketStatus.Registered);
    }

    [Fact]
    public void MergeInto_Should_RecordTheDuplicateOnTheOriginalAndMoveItsVersion_When_Merged()
    {
        var original = _s.Registered();
        var duplicate = _s.Registered();
        var probe = new StepProbe(original);
        var version = original.Version;
        var now = _s.Tick();

        duplicate.MergeInto(original, _s.Agent, now);

        original.Version.ShouldBe(version + 1);
        probe.ShouldHaveRecorded(TimelineActions.DuplicateMerged, TicketStatus.Registered, TicketStatus.Registered, now).Note!.ShouldContain(duplicate.Number);
        probe.ShouldHaveRaised<DuplicateMerged>().DuplicateTicketId.ShouldBe(duplicate.Id);
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    public void MergeInto_Should_ThrowActorNotPermitted_When_AgentMergesDispatchedOrder(TicketStatus status)
    {
        var original = _s.Registered();
        var duplicate = _s.InStatus(status);
        var probe = new StepProbe(duplicate);

        Should.Throw<ActorNotPermittedException>(() => duplicate.MergeInto(original, _s.Agent, _s.Tick()));

        probe.ShouldBeUnchanged();
        duplicate.MergedIntoTicketId.ShouldBeNull();
    }

    [Theory]
    [InlineData(TicketStatus.Registered)]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    public void MergeInto_Should_CloseAsDuplicate_When_SupervisorMergesAnyOpenOrder(TicketStatus status)
    {
        var original = _s.Registered();
        var duplicate = _s.InStatus(status);
        var probe = new StepProbe(duplicate);
        var now = _s.Tick();

        duplicate.MergeInto(original, _s.Supervisor, now);

        duplicate.CloseReason.ShouldBe(CloseReason.Duplicate);
        duplicate.Clocks.NextDueAt.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.Merged, status, TicketStatus.Closed, now);
    }

    [Fact]
    public void MergeInto_Should_ThrowDomainException_When_MergedIntoItself()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.MergeInto(ticket, _s.Agent, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void MergeInto_Should_ThrowDomainException_When_OriginalIsItselfADuplicate()
    {
        var original = _s.Registered();
        var firstDuplicate = _s.Registered();
        firstDuplicate.MergeInto(original, _s.Agent, _s.Tick());
        var secondDuplicate = _s.Registered();
        var probe = new StepProbe(secondDuplicate);

        Should.Throw<DomainException>(() => secondDuplicate.MergeInto(firstDuplicate, _s.Agent, _s.Tick()));

        probe.ShouldBeUnchanged();
        secondDuplicate.MergedIntoTicketId.ShouldBeNull();
    }

    [Fact]
    public void MergeInto_Should_ThrowInvalidTransition_When_AlreadyClosed()
    {
        var original = _s.Registered();
        var ticket = _s.Closed();
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.MergeInto(original, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
        ticket.CloseReason.ShouldBe(CloseReason.CallbackDone);
    }
}
