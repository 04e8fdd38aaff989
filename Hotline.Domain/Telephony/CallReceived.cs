using Hotline.Contracts.Telephony;
using Hotline.Domain.Common;

namespace Hotline.Domain.Telephony;

/// <summary>
/// A new call reached the hotline (or a grouped one overflowed, <paramref name="Overflow"/>); after the commit the agents
/// who are available are rung: those of the call's seat group, or everyone when it has none or overflowed.
/// </summary>
public sealed record CallReceived(
    Guid CallId,
    string CallSid,
    string From,
    DateTimeOffset At,
    string? PriorityReason = null,
    string? SeatGroup = null,
    string? FlagReason = null,
    FlaggedCallerPolicy? FlagPolicy = null,
    bool Overflow = false) : IDomainEvent;
