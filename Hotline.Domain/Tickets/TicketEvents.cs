using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>Every transition of an order raises one of these; handlers run after the commit.</summary>
public abstract record TicketEvent(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At) : IDomainEvent;

public sealed record TicketRegistered(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Channel Channel)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketDispatched(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid LeadUnitId, bool IsRework)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketAccepted(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record CitizenContacted(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record ReturnRequested(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid UnitId, string Reason)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record ReturnDecided(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, bool Approved, Guid PreviousUnitId, Guid LeadUnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record ExtensionRequested(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, DateTimeOffset NewReplyDueAt)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record ExtensionDecided(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, bool Approved, DateTimeOffset ReplyDueAt)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketReplied(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, bool Solved)
    : TicketEvent(TicketId, Number, Status, Version, At);

/// <summary>An unreached callback call: the order stays Replied and is back in the callback queue at <c>RetryAt</c>.</summary>
public sealed record CallbackAttempted(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, ContactFailure Failure, int Attempts, DateTimeOffset RetryAt)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record CallbackRecorded(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, CallbackOutcome Outcome, bool? Solved, bool Rework)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketReclassified(
    Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At,
    string PreviousCategoryCode, string CategoryCode, Urgency PreviousUrgency, Urgency Urgency, TicketType PreviousType, TicketType Type)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record DuplicateMerged(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid DuplicateTicketId, string DuplicateNumber)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketUrged(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid? UnitId, string Note)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketClosed(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, CloseReason Reason)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record DeadlineAlertRaised(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, DeadlineStage Stage, AlertKind Kind, DateTimeOffset DueAt, Guid? UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record ReplyReviewed(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, bool Approved, Guid? UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record SuspensionRequested(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid UnitId, DateTimeOffset? Until)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record SuspensionDecided(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, bool Approved, Guid? UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record SuspensionResumed(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, TimeSpan Suspended, Guid? UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketSplit(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, IReadOnlyList<Guid> PartIds)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketInstructed(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, string Author, DateTimeOffset? ReplyDueAt, Guid? UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketFlagChanged(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, TicketFlag Flag, bool On)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record AssessmentRequested(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record AppealFiled(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid AppealId, AppealKind Kind, Guid UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record AppealDecided(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid AppealId, AppealKind Kind, bool Upheld, Guid UnitId)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record TicketTransferredOut(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid PeerId, Guid TransferId)
    : TicketEvent(TicketId, Number, Status, Version, At);

/// <summary>A peer acknowledged a transfer or reported its order's new status.</summary>
public sealed record TransferStatusUpdated(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, Guid PeerId, string PeerStatus)
    : TicketEvent(TicketId, Number, Status, Version, At);

public sealed record EmergencyHandedOver(Guid TicketId, string Number, TicketStatus Status, int Version, DateTimeOffset At, string Service, bool Sent)
    : TicketEvent(TicketId, Number, Status, Version, At);
