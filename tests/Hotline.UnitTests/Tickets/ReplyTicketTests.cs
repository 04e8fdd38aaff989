using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class ReplyTicketTests
{
    private readonly TicketScenario _s = new();

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Reply_Should_MoveToRepliedAndStopClocks_When_LeadRepliesAfterContact(bool solved)
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);
        var now = _s.Tick(60);

        ticket.Reply(solved, "已处理", _s.Lead, now);

        ticket.Status.ShouldBe(TicketStatus.Replied);
        ticket.ReplySolved.ShouldBe(solved);
        ticket.ReplyAnswer.ShouldBe("已处理");
        ticket.RepliedAt.ShouldBe(now);
        ticket.Clocks.NextDueAt.ShouldBeNull();
        ticket.IsOpen.ShouldBeTrue();
        probe.ShouldHaveRecorded(TimelineActions.Replied, TicketStatus.Accepted, TicketStatus.Replied, now);
        probe.ShouldHaveRaised<TicketReplied>().Solved.ShouldBe(solved);
    }

    [Fact]
    public void Reply_Should_ThrowDomainException_When_CitizenLeftPhoneAndWasNotContacted()
    {
        var ticket = _s.Accepted();
        var probe = new StepProbe(ticket);

        var ex = Should.Throw<DomainException>(() => ticket.Reply(true, "已处理", _s.Lead, _s.Tick()));

        ex.ShouldNotBeOfType<InvalidTransitionException>();
        probe.ShouldBeUnchanged();
        ticket.RepliedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Reply_Should_Succeed_When_CitizenLeftNoPhoneAndWasNotContacted(string? phone)
    {
        var ticket = _s.Accepted(citizen: new Citizen(null, phone, false));

        ticket.Reply(true, "已处理", _s.Lead, _s.Tick());

        ticket.Status.ShouldBe(TicketStatus.Replied);
        ticket.ContactedAt.ShouldBeNull();
    }

    [Fact]
    public void Reply_Should_ThrowActorNotPermitted_When_NotLeadUnit()
    {
        var ticket = _s.Contacted();
        var probe = new StepProbe(ticket);

        Should.Throw<ActorNotPermittedException>(() => ticket.Reply(true, "x", _s.Other, _s.Tick()));
        Should.Throw<ActorNotPermittedException>(() => ticket.Reply(true, "x", _s.Assisting, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void Reply_Should_ThrowInvalidTransition_When_NotAccepted(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        Should.Throw<InvalidTransitionException>(() => ticket.Reply(true, "x", _s.Lead, _s.Tick())).Current.ShouldBe(status);

        probe.ShouldBeUnchanged();
    }
}
