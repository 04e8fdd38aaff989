namespace Hotline.Contracts.Telephony;

/// <summary>Why a registered caller is answered first (优先办).</summary>
public enum PriorityCallerKind
{
    /// <summary>老年人.</summary>
    Elderly,

    /// <summary>残疾人.</summary>
    Disabled,

    /// <summary>其他 (a group the centre serves first, named in the note).</summary>
    Other,
}

/// <summary>What the hotline does with a flagged number (恶意来电).</summary>
public enum FlaggedCallerPolicy
{
    /// <summary>The call is queued and answered as any other; the agent sees the warning when it rings.</summary>
    Warn,

    /// <summary>Warned as <see cref="Warn"/>, and beyond <c>dailyLimit</c> calls a China-time day the caller hears a polite message instead of the queue.</summary>
    Limit,
}

/// <summary>A caller answered first: <c>phone</c> normalized (digits, without +86).</summary>
public sealed record PriorityCallerDto(string Phone, PriorityCallerKind Kind, string? Note, string SetBy, DateTimeOffset SetAt);

/// <summary><c>PUT /api/callers/{phone}/priority</c>.</summary>
public sealed record SetPriorityCallerRequest(PriorityCallerKind? Kind, string? Note);

/// <summary>The result of <c>POST /api/admin/priority-callers/import</c>: every line was valid and is now in the registry.</summary>
public sealed record PriorityCallerImportResult(int Added, int Updated, int Unchanged);

/// <summary>A flagged number (恶意来电); <c>expiresAt</c> null: until removed.</summary>
public sealed record FlaggedCallerDto(
    string Phone,
    string Reason,
    FlaggedCallerPolicy Policy,
    int? DailyLimit,
    DateTimeOffset? ExpiresAt,
    string AddedBy,
    DateTimeOffset AddedAt,
    string UpdatedBy,
    DateTimeOffset UpdatedAt,
    bool IsActive);

/// <summary><c>PUT /api/admin/flagged-callers/{phone}</c>: adds or replaces the number's entry.</summary>
public sealed record SaveFlaggedCallerRequest(string? Reason, FlaggedCallerPolicy? Policy, int? DailyLimit, DateTimeOffset? ExpiresAt);

/// <summary>An agent's seat groups (专席, e.g. 方言专席, 涉企专席), among the configured <c>Calls:SeatGroups</c>.</summary>
public sealed record AgentSeatGroupsDto(Guid UserId, string UserName, string DisplayName, IReadOnlyList<string> SeatGroups);

/// <summary><c>PUT /api/admin/agents/{userId}/seat-groups</c>: replaces the agent's seat groups (empty: none).</summary>
public sealed record SetAgentSeatGroupsRequest(IReadOnlyList<string>? SeatGroups);

/// <summary>The configured seat groups and the agents who have each.</summary>
public sealed record SeatGroupsDto(IReadOnlyList<string> Groups, IReadOnlyList<AgentSeatGroupsDto> Agents);

/// <summary>What the agent sees about a caller: their priority entry and an active flag, either may be null.</summary>
public sealed record CallerInfoDto(string Phone, PriorityCallerDto? Priority, FlaggedCallerDto? Flag);
