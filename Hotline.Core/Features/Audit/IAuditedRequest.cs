namespace Hotline.Core.Features.Audit;

/// <summary>
/// A command or read the audit trail records: <see cref="AuditBehavior{TRequest,TResponse}"/> adds one entry before the
/// handler runs, <see cref="Data.HotlineDbContext"/> fills in what changed when the handler saves (so the entry commits
/// in the same transaction as the change), and a handler that fails leaves no entry.
/// </summary>
public interface IAuditedRequest
{
    /// <summary>One of <see cref="Contracts.Audit.AuditActions"/>.</summary>
    string AuditAction { get; }

    /// <summary>A short Chinese description; the action's name when null.</summary>
    string? AuditSummary => null;

    string? AuditTargetType => null;

    /// <summary>The record's key; when null, the key of the first record the handler saves (a new unit's id, say).</summary>
    string? AuditTargetId => null;

    Guid? AuditTicketId => null;

    /// <summary>False for bulk work (an import, a rebuild) whose records are too many to list: the entry says what was asked.</summary>
    bool AuditCapturesChanges => true;
}
