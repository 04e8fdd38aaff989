namespace Hotline.Contracts.Realtime;

public sealed record TicketChanged(Guid TicketId, string Number, TicketStatus Status, int Version, long Sequence);

public sealed record CallRinging(Guid CallId, string CallSid, string From, DateTimeOffset At);

public sealed record DeadlineAlert(Guid TicketId, string Number, DeadlineStage Stage, AlertKind Kind, DateTimeOffset DueAt, Guid? UnitId);

/// <summary>What the hub at <c>/hubs/hotline</c> sends to consoles.</summary>
public interface IHotlineClient
{
    Task TicketChanged(TicketChanged change);

    Task CallRinging(CallRinging call);

    Task DeadlineAlert(DeadlineAlert alert);
}

public sealed record EventEnvelope(long Sequence, string Type, DateTimeOffset At, TicketChanged? TicketChanged);

/// <summary>
/// Where the event log stands: a client that has just loaded fresh data starts following from here
/// (<c>GET /api/events?since={Sequence}</c>) instead of paging through the whole log.
/// </summary>
public sealed record EventHead(long Sequence);
