using Hotline.Contracts.Telephony;

namespace Hotline.Domain.Telephony;

/// <summary>
/// An agent's presence, in the database so that every API node rings the same agents. No row means away. Answering
/// claims it (Available → Busy) with a conditional update, so one agent takes one caller; the end of the agent's call
/// starts the wrap-up (话后处理), which ends at <see cref="WrapUpEndsAt"/> or when the agent sets Available.
/// </summary>
public sealed class AgentPresence
{
    private AgentPresence()
    {
    }

    public Guid UserId { get; private set; }

    public AgentPresenceStatus Status { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    /// <summary>When the wrap-up ends by itself (set only while <see cref="Status"/> is WrapUp).</summary>
    public DateTimeOffset? WrapUpEndsAt { get; private set; }

    /// <summary>The agent's desk or mobile phone (digits, normalized) that Twilio bridges answered callers to.</summary>
    public string? DevicePhone { get; private set; }

    public static AgentPresence For(Guid userId, AgentPresenceStatus status, DateTimeOffset now) =>
        new() { UserId = userId, Status = status, UpdatedAt = now };

    public void Set(AgentPresenceStatus status, DateTimeOffset now, TimeSpan wrapUpTime = default)
    {
        Status = status;
        UpdatedAt = now;
        WrapUpEndsAt = status == AgentPresenceStatus.WrapUp ? now + wrapUpTime : null;
    }

    public void SetDevice(string? normalizedPhone) => DevicePhone = normalizedPhone;
}
