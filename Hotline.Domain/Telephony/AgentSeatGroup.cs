namespace Hotline.Domain.Telephony;

/// <summary>
/// An agent's skill for a seat group (专席, e.g. 方言专席, 涉企专席): grouped calls ring the agents who have it and are
/// answered by them first; others take them only after <c>Calls:SeatGroupOverflow</c>.
/// </summary>
public sealed class AgentSeatGroup
{
    public const int MaxLength = 50;

    private AgentSeatGroup()
    {
    }

    public AgentSeatGroup(Guid userId, string seatGroup)
    {
        UserId = userId;
        SeatGroup = seatGroup;
    }

    public Guid UserId { get; private set; }

    public string SeatGroup { get; private set; } = null!;
}
