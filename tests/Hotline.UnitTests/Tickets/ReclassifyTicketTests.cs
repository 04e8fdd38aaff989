using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

public sealed class ReclassifyTicketTests
{
    private readonly TicketScenario _s = new();

    private static string Name(string code) => code switch { "0101" => "占道经营", "0202" => "噪声扰民", _ => code };

    [Fact]
    public void Reclassify_Should_ChangeCategoryUrgencyAndTypeAndListOldToNew_When_Registered()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.Reclassify(TicketType.HelpRequest, "0202", Urgency.Urgent, Name, _s.Agent, now);

        ticket.Status.ShouldBe(TicketStatus.Registered);
        ticket.CategoryCode.ShouldBe("0202");
        ticket.Urgency.ShouldBe(Urgency.Urgent);
        ticket.Type.ShouldBe(TicketType.HelpRequest);
        var note = probe.ShouldHaveRecorded(TimelineActions.Reclassified, TicketStatus.Registered, TicketStatus.Registered, now).Note!;
        note.ShouldContain("分类：占道经营 → 噪声扰民");
        note.ShouldContain("紧急程度：一般 → 加急");
        note.ShouldContain("类型：投诉 → 求助");
        var raised = probe.ShouldHaveRaised<TicketReclassified>();
        raised.PreviousCategoryCode.ShouldBe("0101");
        raised.CategoryCode.ShouldBe("0202");
        raised.PreviousUrgency.ShouldBe(Urgency.Normal);
        raised.Urgency.ShouldBe(Urgency.Urgent);
        raised.PreviousType.ShouldBe(TicketType.Complaint);
        raised.Type.ShouldBe(TicketType.HelpRequest);
    }

    [Fact]
    public void Reclassify_Should_ListOnlyWhatChanged_When_OnlyTheUrgencyChanges()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);
        var now = _s.Tick();

        ticket.Reclassify(TicketType.Complaint, "0101", Urgency.Emergency, Name, _s.Agent, now);

        probe.ShouldHaveRecorded(TimelineActions.Reclassified, TicketStatus.Registered, TicketStatus.Registered, now).Note.ShouldBe("紧急程度：一般 → 紧急");
    }

    [Fact]
    public void Reclassify_Should_KeepTheCitizenConfidential_When_AReportBecomesAnotherType()
    {
        var ticket = _s.Registered(TicketType.Report);

        ticket.Reclassify(TicketType.Complaint, "0101", Urgency.Normal, Name, _s.Agent, _s.Tick());

        ticket.Citizen.Confidential.ShouldBeTrue();
        ticket.HidesIdentityFromUnits.ShouldBeTrue();
    }

    [Fact]
    public void Reclassify_Should_ThrowAndChangeNothing_When_NothingChanges()
    {
        var ticket = _s.Registered();
        var probe = new StepProbe(ticket);

        Should.Throw<DomainException>(() => ticket.Reclassify(TicketType.Complaint, "0101", Urgency.Normal, Name, _s.Agent, _s.Tick()));

        probe.ShouldBeUnchanged();
    }

    [Theory]
    [InlineData(TicketStatus.Dispatched)]
    [InlineData(TicketStatus.Accepted)]
    [InlineData(TicketStatus.ReturnRequested)]
    [InlineData(TicketStatus.Replied)]
    [InlineData(TicketStatus.Closed)]
    public void Reclassify_Should_ThrowInvalidTransition_When_NotRegistered(TicketStatus status)
    {
        var ticket = _s.InStatus(status);
        var probe = new StepProbe(ticket);

        var ex = Should.Throw<InvalidTransitionException>(() => ticket.Reclassify(TicketType.Suggestion, "0202", Urgency.Urgent, Name, _s.Agent, _s.Tick()));

        ex.Current.ShouldBe(status);
        probe.ShouldBeUnchanged();
    }
}
