using Hotline.Contracts;

namespace Hotline.Domain.Tickets;

/// <summary>One line of the order's append-only history (流转记录).</summary>
public sealed class TimelineEntry
{
    private TimelineEntry()
    {
        Action = string.Empty;
        ActorUserName = string.Empty;
    }

    public TimelineEntry(DateTimeOffset at, string action, string actorUserName, Guid? unitId, TicketStatus? fromStatus, TicketStatus? toStatus, string? note)
    {
        At = at;
        Action = action;
        ActorUserName = actorUserName;
        UnitId = unitId;
        FromStatus = fromStatus;
        ToStatus = toStatus;
        Note = note;
    }

    /// <summary>Store-generated and increasing, so entries written in one change keep their order.</summary>
    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    public DateTimeOffset At { get; private set; }

    public string Action { get; private set; }

    public string ActorUserName { get; private set; }

    public Guid? UnitId { get; private set; }

    public TicketStatus? FromStatus { get; private set; }

    public TicketStatus? ToStatus { get; private set; }

    public string? Note { get; private set; }
}
