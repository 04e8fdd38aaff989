using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

/// <summary>办结审核: a reply the review rules pick waits for a supervisor before its callback.</summary>
public sealed class ReviewReplyTests
{
    private readonly TicketScenario _s = new();

    private Ticket PendingReview()
    {
        var ticket = _s.Contacted();
        ticket.Reply(true, "已责令摊贩撤离。", _s.Lead, _s.SetNow(China.At(2026, 6, 2, 16)), requiresReview: true);
        return ticket;
    }

    [Fact]
    public void Reply_Should_WaitForReviewAndRefuseTheCallback_When_TheRulesAskForAReview()
    {
        var ticket = PendingReview();

        ticket.Status.ShouldBe(TicketStatus.Replied);
        ticket.ReviewStatus.ShouldBe(ReviewStatus.Pending);
        ticket.IsReadyForCallback.ShouldBeFalse();
        var probe = new StepProbe(ticket);
        Should.Throw<DomainException>(() => ticket.RecordCallback(CallbackOutcome.Satisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.Tick()));
        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Reply_Should_NeedNoReview_When_TheRulesDoNotAskForOne()
    {
        var ticket = _s.Replied();

        ticket.ReviewStatus.ShouldBe(ReviewStatus.NotRequired);
        ticket.IsReadyForCallback.ShouldBeTrue();
    }

    [Fact]
    public void Review_Should_ApproveAndAllowTheCallback_When_TheSupervisorApproves()
    {
        var ticket = PendingReview();
        var probe = new StepProbe(ticket);
        var now = _s.Tick(60);

        ticket.Review(true, "答复到位", _s.Schedule, _s.Supervisor, now);

        ticket.Status.ShouldBe(TicketStatus.Replied);
        (ticket.ReviewStatus, ticket.ReviewedAt, ticket.ReviewedBy, ticket.ReviewNote).ShouldBe((ReviewStatus.Approved, now, "supervisor", "答复到位"));
        probe.ShouldHaveRecorded(TimelineActions.ReviewApproved, TicketStatus.Replied, TicketStatus.Replied, now);
        probe.ShouldHaveRaised<ReplyReviewed>().Approved.ShouldBeTrue();
        ticket.RecordCallback(CallbackOutcome.Satisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.Tick());
        ticket.Status.ShouldBe(TicketStatus.Closed);
    }

    [Fact]
    public void Review_Should_SendBackToTheLeadWithAFreshReplyDeadline_When_TheSupervisorRejects()
    {
        var ticket = PendingReview();
        var probe = new StepProbe(ticket);
        var now = _s.SetNow(China.At(2026, 6, 3, 9));

        ticket.Review(false, "答非所问，请核实占道位置", _s.Schedule, _s.Supervisor, now);

        ticket.Status.ShouldBe(TicketStatus.Accepted);
        ticket.ReviewStatus.ShouldBe(ReviewStatus.Rejected);
        ticket.ReworkCount.ShouldBe(1);
        ticket.RepliedAt.ShouldBeNull();
        ticket.ReplyAnswer.ShouldBeNull();

        // Five working days after Wed 3 Jun: 4, 5, 8, 9, 10 Jun.
        ticket.Clocks.ReplyDueAt.ShouldBe(China.At(2026, 6, 11));
        ticket.Clocks.ReplyStartedAt.ShouldBe(now);
        ticket.Clocks.NextDueAt.ShouldBe(China.At(2026, 6, 11));
        probe.ShouldHaveRecorded(TimelineActions.ReviewRejected, TicketStatus.Replied, TicketStatus.Accepted, now).Note.ShouldNotBeNull().ShouldContain("答非所问");
        probe.ShouldHaveRaised<ReplyReviewed>().Approved.ShouldBeFalse();

        // The rework is replied again by the same unit.
        ticket.Reply(true, "已核实并清理。", _s.Lead, _s.Tick(), requiresReview: true);
        ticket.ReviewStatus.ShouldBe(ReviewStatus.Pending);
    }

    [Fact]
    public void Review_Should_RefuseARejectionWithoutANote_When_TheNoteIsBlank()
    {
        var ticket = PendingReview();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.Review(false, "  ", _s.Schedule, _s.Supervisor, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Fact]
    public void Review_Should_Refuse_When_NoReviewIsPending()
    {
        var ticket = _s.Replied();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.Review(true, null, _s.Schedule, _s.Supervisor, _s.Tick())).Message.ShouldContain("没有待审核");

        probe.ShouldBeUnchanged();
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.Closed)]
    public void Review_Should_ThrowInvalidTransition_When_NotReplied(TicketStatus status)
    {
        var ticket = _s.InStatus(status);

        Should.Throw<InvalidTransitionException>(() => ticket.Review(true, null, _s.Schedule, _s.Supervisor, _s.Tick())).Current.ShouldBe(status);
    }

    [Fact]
    public void Rules_Should_PickComplaintsReportsAndReworks_When_TheDefaultsApply()
    {
        var rules = ReviewRule.Defaults();

        ReviewRule.AnyMatches(rules, _s.Registered(TicketType.Complaint), null).ShouldBeTrue();
        ReviewRule.AnyMatches(rules, _s.Registered(TicketType.Report), null).ShouldBeTrue();
        ReviewRule.AnyMatches(rules, _s.Registered(TicketType.HelpRequest), null).ShouldBeFalse();

        var reworked = _s.Dispatched(TicketType.HelpRequest);
        reworked.Accept(_s.Lead, _s.Tick());
        reworked.RecordContact("已联系", _s.Lead, _s.Tick());
        reworked.Reply(true, "已处理", _s.Lead, _s.Tick());
        reworked.RecordCallback(CallbackOutcome.Dissatisfied, false, null, _s.Schedule, _s.CallbackStaff, _s.Tick());
        ReviewRule.AnyMatches(rules, reworked, null).ShouldBeTrue();
    }

    [Fact]
    public void Rules_Should_MatchACategoryAndItsChildren_When_TheRuleNamesTheParent()
    {
        var ticket = _s.Registered(TicketType.HelpRequest);
        var rule = new ReviewRule(Guid.NewGuid(), null, "01", Channel.Phone, false);

        rule.Matches(ticket, parentCategoryCode: "01").ShouldBeTrue();
        rule.Matches(ticket, parentCategoryCode: "02").ShouldBeFalse();
        new ReviewRule(Guid.NewGuid(), null, "0101", Channel.Web, false).Matches(ticket, "01").ShouldBeFalse();
        new ReviewRule(Guid.NewGuid(), null, null, null, false).Matches(ticket, null).ShouldBeTrue();
    }
}
