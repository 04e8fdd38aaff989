namespace Hotline.Contracts.Telephony;

/// <summary>An agent's availability for incoming calls: only <c>Available</c> agents are rung.</summary>
public enum AgentPresenceStatus
{
    Available,
    Busy,
    Away,
}

public sealed record AgentPresenceDto(Guid UserId, AgentPresenceStatus Status, DateTimeOffset? UpdatedAt);

public sealed record SetPresenceRequest(AgentPresenceStatus? Status);

/// <summary>A call to the hotline; <c>ticketId</c> is the order registered from it, if any.</summary>
public sealed record CallDto(Guid Id, string CallSid, string From, string Status, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, int? DurationSeconds, string? RecordingUrl, Guid? TicketId);
