namespace Hotline.Core.Data;

/// <summary>
/// One line of the audit trail (审计日志): who did or saw what, when, from where. Appended in the same transaction as the
/// change it records and never changed afterwards, except that the sealer gives it its place in the hash chain once
/// (<see cref="ChainIndex"/> and <see cref="Hash"/>); <see cref="HotlineDbContext"/> refuses any other edit or a delete.
/// docs/privacy.md describes what is recorded and how the chain is verified.
/// </summary>
public sealed class AuditEntry
{
    public const int MaxChangesLength = 16_000;

    public long Id { get; set; }

    public DateTimeOffset At { get; set; }

    public Guid? ActorUserId { get; set; }

    /// <summary>The user name (or a system process's name; for a failed sign-in, the name that was tried).</summary>
    public string ActorName { get; set; } = string.Empty;

    /// <summary>The client address the request came from (after the trusted proxies), when there was a request.</summary>
    public string? Address { get; set; }

    /// <summary>What happened: one of <see cref="Contracts.Audit.AuditActions"/>.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The kind of record (Unit, User, Ticket, …) and its key, when the action concerns one record.</summary>
    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>The order whose personal data was read or changed, for the search by order.</summary>
    public Guid? TicketId { get; set; }

    /// <summary>A short description in Chinese (the unit's name, the filter of an export, …).</summary>
    public string Summary { get; set; } = string.Empty;

    /// <summary>What changed, as JSON: per record its state and the old and new values (secrets only as changed).</summary>
    public string? Changes { get; set; }

    /// <summary>The entry's place in the hash chain, 1, 2, 3, … without gaps; null until the sealer reaches it.</summary>
    public long? ChainIndex { get; set; }

    /// <summary>SHA-256 (hex) over the previous entry's hash and this entry's fields (<c>AuditChain</c>).</summary>
    public string? Hash { get; set; }

    /// <summary>Not stored: the save that writes the entry fills <see cref="Changes"/> from the records it writes.</summary>
    internal bool CapturesChanges { get; set; }

    /// <summary>True for an entry the sealer may still seal: only its chain fields may be written then.</summary>
    internal bool IsSealed => ChainIndex is not null;
}

/// <summary>The end of the hash chain: the last sealed index and hash, one row. Sealers race on it optimistically.</summary>
public sealed class AuditChainHead
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public int Id { get; set; }

    public long LastIndex { get; set; }

    public string LastHash { get; set; } = Genesis;
}
