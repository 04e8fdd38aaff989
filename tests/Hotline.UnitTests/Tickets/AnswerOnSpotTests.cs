using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class AnswerOnSpotTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void AnswerOnSpot_Should_CloseAsAnswered_When_Registered()
    {
        var ticket = _s.Registered(TicketType.Consultation);
        var probe = new StepProbe(ticket);
        var now = _s.Tick(5);

        ticket.AnswerOnSpot("办理居住证需携带身份证原件。", _s.Agent, now);

        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.CloseReason.ShouldBe(CloseReason.Answered);
        ticket.Answer.ShouldBe("办理居住证需携带身份证原件。");
        ticket.ClosedAt.ShouldBe(now);
        ticket.IsOpen.ShouldBeFalse();
        ticket.Clocks.NextDueAt.ShouldBeNull();
        probe.ShouldHaveRecorded(TimelineActions.AnsweredOnSpot, TicketStatus.Registered, TicketStatus.Closed, now);
        probe.ShouldHaveRaised<TicketClosed>().Reason.ShouldBe(CloseReason.Answered);
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void AnswerOnSpot_Should_ThrowInvalidTransition_When_NotRegistered(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        var ex = Should.Throw<InvalidTransitionException>(() => ticket.AnswerOnSpot("答复", _s.Agent, _s.Tick()));

        ex.Current.ShouldBe(status);
        probe.ShouldBeUnchanged();
    }
}
