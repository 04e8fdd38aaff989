using Hotline.Contracts.Telephony;

namespace Hotline.Domain.Telephony;

/// <summary>An agent's presence, in the database so that every API node rings the same agents. No row means away.</summary>
public sealed class AgentPresence
{
    private AgentPresence()
    {
    }

    public Guid UserId { get; private set; }

    public AgentPresenceStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static AgentPresence For(Guid userId, AgentPresenceStatus status, DateTimeOffset now) =>
        new() { UserId = userId, Status = status, UpdatedAt = now };

    public void Set(AgentPresenceStatus status, DateTimeOffset now)
    {
        Status = status;
        UpdatedAt = now;
    }
}
