using Hotline.Contracts;

namespace Hotline.Domain.Tickets;

/// <summary>
/// 申诉: the lead unit contests a verdict on its order (a callback's, or an overdue one) within the appeal window; a
/// supervisor of another unit upholds it (the verdict leaves the unit's rates for that measure) or rejects it.
/// Part of the <see cref="Ticket"/> aggregate: filed and decided through it.
/// </summary>
public sealed class TicketAppeal
{
    public const int MaxReasonLength = Ticket.MaxNoteLength;

    private TicketAppeal()
    {
        Reason = string.Empty;
        FiledBy = string.Empty;
    }

    internal TicketAppeal(Guid id, Guid ticketId, AppealKind kind, string reason, Guid unitId, DateTimeOffset verdictAt, DateTimeOffset windowEndsAt, string filedBy, DateTimeOffset now)
    {
        (Id, TicketId, Kind, Status, Reason, UnitId) = (id, ticketId, kind, AppealStatus.Pending, reason, unitId);
        (VerdictAt, WindowEndsAt, FiledAt, FiledBy) = (verdictAt, windowEndsAt, now, filedBy);
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    public AppealKind Kind { get; private set; }

    public AppealStatus Status { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The appellant: the order's lead unit when it was filed.</summary>
    public Guid UnitId { get; private set; }

    /// <summary>The verdict contested: the callback's instant, or the latest overdue verdict's.</summary>
    public DateTimeOffset VerdictAt { get; private set; }

    public DateTimeOffset WindowEndsAt { get; private set; }

    public DateTimeOffset FiledAt { get; private set; }

    public string FiledBy { get; private set; }

    public DateTimeOffset? DecidedAt { get; private set; }

    public string? DecidedBy { get; private set; }

    public string? DecisionNote { get; private set; }

    internal void Decide(bool upheld, string? note, string decidedBy, DateTimeOffset now) =>
        (Status, DecisionNote, DecidedBy, DecidedAt) = (upheld ? AppealStatus.Upheld : AppealStatus.Rejected, note, decidedBy, now);
}
