using Hotline.Contracts;

namespace Hotline.Domain.Tickets;

/// <summary>
/// A raised deadline alert (预警 or 超期). Unique per order, stage, kind, due instant and clock epoch: a second worker or a
/// re-run after a crash cannot raise the same alert twice, while a new deadline (rework, redispatch,
/// extension) can be alerted again.
/// </summary>
public sealed class TicketAlert
{
    private TicketAlert()
    {
    }

    public TicketAlert(DeadlineStage stage, AlertKind kind, DateTimeOffset dueAt, int clockEpoch, DateTimeOffset raisedAt, Guid? unitId)
    {
        ClockEpoch = clockEpoch;
        Stage = stage;
        Kind = kind;
        DueAt = dueAt;
        RaisedAt = raisedAt;
        UnitId = unitId;
    }

    public long Id { get; private set; }

    public Guid TicketId { get; private set; }

    public DeadlineStage Stage { get; private set; }

    public AlertKind Kind { get; private set; }

    public DateTimeOffset DueAt { get; private set; }

    /// <summary>The order's <c>ClockEpoch</c> when raised: a restarted clock may end at the same instant as the old one.</summary>
    public int ClockEpoch { get; private set; }

    public DateTimeOffset RaisedAt { get; private set; }

    public Guid? UnitId { get; private set; }
}
