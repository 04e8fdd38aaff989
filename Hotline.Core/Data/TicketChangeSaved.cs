using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Core.Data;

/// <summary>
/// Raised after a change of an order was saved with its sequence; real-time delivery listens to this.
/// <paramref name="CommittedAt"/>: the node's wall clock when the change committed (null until known), carried to the
/// consoles so commit → client latency can be measured.
/// </summary>
public sealed record TicketChangeSaved(
    long Sequence,
    Guid TicketId,
    string Number,
    TicketStatus Status,
    int Version,
    Guid? LeadUnitId,
    string UnitIds,
    string Events,
    DateTimeOffset At,
    DateTimeOffset? CommittedAt = null) : IDomainEvent;
