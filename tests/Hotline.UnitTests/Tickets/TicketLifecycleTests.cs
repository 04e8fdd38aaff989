using Hotline.Contracts;
using Hotline.Domain.Tickets;
using Hotline.UnitTests.Support;
using Shouldly;

namespace Hotline.UnitTests.Tickets;

/// <summary>A whole journey: one version per action, an append-only timeline in order, one event stream.</summary>
public sealed class TicketLifecycleTests
{
    private readonly TicketScenario _s = new();

    [Fact]
    public void FullJourney_Should_BumpVersionOncePerActionAndKeepTimelineInOrder_When_ReworkedThenClosed()
    {
        var ticket = _s.Registered();
        ticket.Dispatch(_s.LeadUnitId, [], null, _s.Schedule, null, _s.Agent, _s.SetNow(TicketScenario.DispatchedAt));
        ticket.Accept(_s.Lead, _s.Tick());
        ticket.RecordContact("已联系", _s.Lead, _s.Tick());
        ticket.RequestExtension(China.At(2026, 6, 12), "需现场勘查", _s.Lead, _s.Tick());
        ticket.DecideExtension(true, null, _s.Supervisor, _s.Tick());
        ticket.Urge("请加快", _s.Supervisor, _s.Tick());
        ticket.Reply(false, "暂未解决", _s.Lead, _s.Tick());
        ticket.RecordCallback(CallbackOutcome.Dissatisfied, false, null, _s.Schedule, _s.CallbackStaff, _s.Tick());
        ticket.Accept(_s.Lead, _s.Tick());
        ticket.RecordContact("再次联系", _s.Lead, _s.Tick());
        ticket.Reply(true, "已解决", _s.Lead, _s.Tick());
        ticket.RecordCallback(CallbackOutcome.Satisfied, true, null, _s.Schedule, _s.CallbackStaff, _s.Tick());

        ticket.Version.ShouldBe(13);
        ticket.Status.ShouldBe(TicketStatus.Closed);
        ticket.ReworkCount.ShouldBe(1);
        ticket.UrgeCount.ShouldBe(1);
        ticket.Timeline.Select(e => e.Action).ShouldBe(
        [
            TimelineActions.Registered, TimelineActions.Dispatched, TimelineActions.Accepted, TimelineActions.Contacted,
            TimelineActions.ExtensionRequested, TimelineActions.ExtensionApproved, TimelineActions.Urged, TimelineActions.Replied,
            TimelineActions.CallbackRecorded, TimelineActions.Reworked, TimelineActions.Accepted, TimelineActions.Contacted,
            TimelineActions.Replied, TimelineActions.CallbackRecorded,
        ]);
        ticket.Timeline.Select(e => e.At).ShouldBeInOrder();
        for (var i = 1; i < ticket.Timeline.Count; i++)
        {
            ticket.Timeline[i].FromStatus.ShouldBe(ticket.Timeline[i - 1].ToStatus, $"entry {i} ({ticket.Timeline[i].Action}) starts where the previous one ended");
        }

        ticket.DomainEvents.OfType<TicketEvent>().Select(e => e.Version).ShouldBeInOrder();
        ticket.DomainEvents.OfType<TicketEvent>().Last().ShouldBeOfType<TicketClosed>().Version.ShouldBe(13);
    }

    [Fact]
    public void TakeDomainEvents_Should_ReturnAndClearEvents_When_Called()
    {
        var ticket = _s.Dispatched();

        var taken = ticket.TakeDomainEvents();

        taken.Select(e => e.GetType()).ShouldBe([typeof(TicketRegistered), typeof(TicketDispatched)]);
        ticket.DomainEvents.ShouldBeEmpty();
    }
}
