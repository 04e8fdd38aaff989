namespace Hotline.Contracts.Tickets;

/// <summary>
/// 申诉 of a verdict on an order: <c>verdictAt</c> is the callback or overdue verdict it contests, <c>windowEndsAt</c> the end of
/// the appeal window it was filed in; <c>decidedAt</c>, <c>decidedBy</c> and <c>decisionNote</c> once a supervisor decided.
/// </summary>
public sealed record AppealDto(
    Guid Id,
    Guid TicketId,
    AppealKind Kind,
    AppealStatus Status,
    string Reason,
    Guid UnitId,
    DateTimeOffset VerdictAt,
    DateTimeOffset WindowEndsAt,
    DateTimeOffset FiledAt,
    string FiledBy,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? DecisionNote)
{
    /// <summary>Display names of the appellant and of the supervisor who decided (the login when unknown).</summary>
    public string? FiledByName { get; init; }

    public string? DecidedByName { get; init; }
}

/// <summary>One appeal in the supervisors' list, with the order it belongs to.</summary>
public sealed record AppealListItemDto(AppealDto Appeal, string TicketNumber, string CategoryCode, TicketStatus TicketStatus, string? UnitName);

/// <summary>POST /api/tickets/{id}/appeals.</summary>
public sealed record AppealRequest(AppealKind? Kind, string? Reason, int? Version);

/// <summary>POST /api/tickets/{id}/appeals/{appealId}/decision: a note is required to reject.</summary>
public sealed record AppealDecisionRequest(bool? Upheld, string? Note, int? Version);

/// <summary>The appeal rule (Admin-editable): how many working days after a verdict the lead unit may appeal it.</summary>
public sealed record AppealPolicyDto(int WindowWorkingDays);

/// <summary>GET /api/tickets/{id}/appeals/options: whether the lead unit may appeal <c>kind</c> now, the verdict and its window, or why not.</summary>
public sealed record AppealOptionDto(AppealKind Kind, bool Allowed, DateTimeOffset? VerdictAt, DateTimeOffset? WindowEndsAt, string? Refusal);
