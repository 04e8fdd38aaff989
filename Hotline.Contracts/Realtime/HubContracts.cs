namespace Hotline.Contracts.Realtime;

/// <summary>An order changed: re-read it if shown. <c>committedAt</c>: when the change committed, by the sending node's clock.</summary>
public sealed record TicketChanged(Guid TicketId, string Number, TicketStatus Status, int Version, long Sequence, DateTimeOffset? CommittedAt = null);

/// <summary>
/// A caller to answer: <c>priorityReason</c> why they go first, <c>seatGroup</c> the 专席 rung (null: everyone),
/// <c>flagReason</c> / <c>flagPolicy</c> the warning of a flagged number (恶意来电), <c>overflow</c> a grouped call rung to
/// everyone after waiting past <c>Calls:SeatGroupOverflow</c>.
/// </summary>
public sealed record CallRinging(
    Guid CallId,
    string CallSid,
    string From,
    DateTimeOffset At,
    string? PriorityReason = null,
    string? SeatGroup = null,
    string? FlagReason = null,
    Telephony.FlaggedCallerPolicy? FlagPolicy = null,
    bool Overflow = false);

public sealed record DeadlineAlert(Guid TicketId, string Number, DeadlineStage Stage, AlertKind Kind, DateTimeOffset DueAt, Guid? UnitId);

/// <summary>What the hub at <c>/hubs/hotline</c> sends to consoles.</summary>
public interface IHotlineClient
{
    Task TicketChanged(TicketChanged change);

    Task CallRinging(CallRinging call);

    Task DeadlineAlert(DeadlineAlert alert);

    Task CallCentreUpdated(CallCentreUpdated update);
}

public sealed record EventEnvelope(long Sequence, string Type, DateTimeOffset At, TicketChanged? TicketChanged);

/// <summary>
/// Where the event log stands: a client that has just loaded fresh data starts following from here
/// (<c>GET /api/events?since={Sequence}</c>) instead of paging through the whole log.
/// </summary>
public sealed record EventHead(long Sequence);

/// <summary>Something the wallboard shows changed (a caller, an agent's state, a callback task): re-read <c>GET /api/kpis/calls/live</c>.</summary>
public sealed record CallCentreUpdated(DateTimeOffset At);
