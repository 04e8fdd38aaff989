using Hotline.Contracts;
using Hotline.Domain.Common;
using Hotline.Domain.Tickets;
using Shouldly;

namespace Hotline.UnitTests.Support;

/// <summary>Remembers an order's version, timeline and events before an action, to check what the action added.</summary>
internal sealed class StepProbe(Ticket ticket)
{
    private readonly int _version = ticket.Version;
    private readonly int _entries = ticket.Timeline.Count;
    private readonly int _events = ticket.DomainEvents.Count;
    private readonly TicketStatus _status = ticket.Status;

    public IReadOnlyList<TimelineEntry> NewEntries => ticket.Timeline.Skip(_entries).ToList();

    public IReadOnlyList<IDomainEvent> NewEvents => ticket.DomainEvents.Skip(_events).ToList();

    /// <summary>One action: version +1 and exactly one timeline entry with the given action and statuses.</summary>
    public TimelineEntry ShouldHaveRecorded(string action, TicketStatus? from, TicketStatus? to, DateTimeOffset at)
    {
        ticket.Version.ShouldBe(_version + 1, "each action bumps the version by exactly one");
        var entry = NewEntries.ShouldHaveSingleItem();
        entry.Action.ShouldBe(action);
        entry.FromStatus.ShouldBe(from);
        entry.ToStatus.ShouldBe(to);
        entry.At.ShouldBe(at);
        ticket.UpdatedAt.ShouldBe(at);
        return entry;
    }

    /// <summary>Exactly one new event, of the given type, carrying the order's new status and version.</summary>
    public TEvent ShouldHaveRaised<TEvent>()
        where TEvent : TicketEvent
    {
        var raised = NewEvents.ShouldHaveSingleItem().ShouldBeOfType<TEvent>();
        raised.TicketId.ShouldBe(ticket.Id);
        raised.Status.ShouldBe(ticket.Status);
        raised.Version.ShouldBe(ticket.Version);
        return raised;
    }

    /// <summary>A refused action leaves no trace.</summary>
    public void ShouldBeUnchanged()
    {
        ticket.Status.ShouldBe(_status);
        ticket.Version.ShouldBe(_version);
        ticket.Timeline.Count.ShouldBe(_entries);
        ticket.DomainEvents.Count.ShouldBe(_events);
    }
}
