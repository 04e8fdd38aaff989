namespace Hotline.Domain.Tickets;

/// <summary>
/// 延期申请 awaiting a supervisor's decision: the reply deadline the lead unit asked for, why, and when. Stored in
/// the order's row; none while nothing is pending.
/// </summary>
public sealed record PendingExtension(DateTimeOffset DueAt, string Reason, DateTimeOffset RequestedAt);
