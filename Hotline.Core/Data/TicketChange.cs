using Hotline.Contracts;

namespace Hotline.Core.Data;

/// <summary>
/// The change log behind real-time delivery: one row per saved change of an order, written in the same
/// transaction, numbered by a global sequence. Consoles re-sync from it after a reconnect.
/// </summary>
public sealed class TicketChange
{
    public long Sequence { get; set; }

    public Guid TicketId { get; set; }

    public string Number { get; set; } = string.Empty;

    public TicketStatus Status { get; set; }

    public int Version { get; set; }

    /// <summary>The event names raised by the change, comma-separated (e.g. "TicketDispatched").</summary>
    public string Events { get; set; } = string.Empty;

    public Guid? LeadUnitId { get; set; }

    /// <summary>Every unit that may see the order after the change (lead, assisting, copied), comma-separated.</summary>
    public string UnitIds { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }
}
