using Hotline.Contracts.Telephony;

namespace Hotline.Domain.Telephony;

/// <summary>One change of an agent's presence, kept so supervisors see the time in each state per agent per day.</summary>
public sealed class AgentStateChange
{
    private AgentStateChange()
    {
    }

    public long Id { get; private set; }

    public Guid UserId { get; private set; }

    public AgentPresenceStatus Status { get; private set; }

    public DateTimeOffset At { get; private set; }

    public static AgentStateChange Of(Guid userId, AgentPresenceStatus status, DateTimeOffset at) => new() { UserId = userId, Status = status, At = at };
}
