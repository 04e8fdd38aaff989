using Hotline.Contracts;

namespace Hotline.Domain.Tickets;

/// <summary>A unit that takes part in an order besides the lead: assisting (协办) or copied (抄送).</summary>
public sealed class TicketParticipant
{
    private TicketParticipant()
    {
    }

    public TicketParticipant(Guid unitId, ParticipantRole role)
    {
        UnitId = unitId;
        Role = role;
    }

    public Guid TicketId { get; private set; }

    public Guid UnitId { get; private set; }

    public ParticipantRole Role { get; private set; }
}
