namespace Hotline.Contracts.Tickets;

public sealed record CitizenDto(string? Name, string? Phone, bool Confidential);

public sealed record LocationDto(string? DistrictCode, string? StreetCode, string? Address, double? Latitude, double? Longitude);

public sealed record RegisterTicketRequest(
    Channel? Channel,
    TicketType? Type,
    string? CategoryCode,
    Urgency? Urgency,
    CitizenDto? Citizen,
    LocationDto? Location,
    string? Content,
    string? CallSid)
{
    /// <summary>Optional (docs/intelligence.md): the category suggestion the console showed, recorded beside the order for the acceptance rate.</summary>
    public Intelligence.CategorySuggestionDto? Suggestion { get; init; }
}

public sealed record DeadlinesDto(
    DateTimeOffset? AcceptDueAt,
    DateTimeOffset? ContactDueAt,
    DateTimeOffset? ReplyDueAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ContactedAt,
    DateTimeOffset? RepliedAt);

public sealed record OverdueDto(bool Accept, bool Contact, bool Reply);

/// <summary>
/// The latest callback result; <c>ReasonCode</c> the 不满意原因 (with <c>Dissatisfied</c>); <c>Attempts</c> the unreached
/// callback calls of this reply and <c>RetryAt</c> when the order is back in the callback queue after the last of them.
/// </summary>
public sealed record CallbackDto(CallbackOutcome? Outcome, bool? Solved, DateTimeOffset? At, string? ReasonCode = null, int Attempts = 0, DateTimeOffset? RetryAt = null, ContactFailure? LastFailure = null);

public sealed record ReplyDto(bool Solved, string Answer, DateTimeOffset At);

public sealed record PendingExtensionDto(DateTimeOffset NewReplyDueAt, string Reason, DateTimeOffset RequestedAt);

/// <summary>
/// One step of an order. <see cref="ActorUserName"/> is the login or system id that did it; <see cref="ActorName"/> is
/// what people read: the user's display name (话务员 李敏, 市自来水集团) or the system's Chinese name (系统（时限巡检）).
/// </summary>
public sealed record TimelineEntryDto(
    DateTimeOffset At,
    string Action,
    string ActorUserName,
    Guid? UnitId,
    TicketStatus? FromStatus,
    TicketStatus? ToStatus,
    string? Note)
{
    public string? ActorName { get; init; }
}

public sealed record AlertDto(DeadlineStage Stage, AlertKind Kind, DateTimeOffset DueAt, DateTimeOffset RaisedAt, Guid? UnitId);

public sealed record TicketDto(
    Guid Id,
    string Number,
    TicketStatus Status,
    CloseReason? CloseReason,
    Channel Channel,
    TicketType Type,
    string CategoryCode,
    Urgency Urgency,
    CitizenDto Citizen,
    LocationDto Location,
    string Content,
    string? CallSid,
    Guid? LeadUnitId,
    IReadOnlyList<Guid> AssistingUnitIds,
    IReadOnlyList<Guid> CopiedUnitIds,
    DeadlinesDto Deadlines,
    OverdueDto Overdue,
    CallbackDto Callback,
    ReplyDto? Reply,
    string? Answer,
    PendingExtensionDto? PendingExtension,
    string? ReturnReason,
    Guid? MergedIntoTicketId,
    int ReworkCount,
    int UrgeCount,
    int Version,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? ClosedAt,
    IReadOnlyList<TimelineEntryDto> Timeline,
    IReadOnlyList<AlertDto> Alerts,
    bool Escalated,
    AnswerArticleDto? AnswerArticle = null,
    ReviewDto? Review = null,
    SuspensionDto? Suspension = null)
{
    /// <summary>已脱敏: when the citizen's name, phone and address were removed (docs/privacy.md); null while they are kept.</summary>
    public DateTimeOffset? AnonymisedAt { get; init; }

    /// <summary>拆单: the original this order was split from.</summary>
    public TicketLinkDto? SplitFrom { get; init; }

    /// <summary>拆单: the parts this order was split into, with their status.</summary>
    public IReadOnlyList<TicketLinkDto> SplitInto { get; init; } = [];

    /// <summary>领导批示/交办, oldest first.</summary>
    public IReadOnlyList<InstructionDto> Instructions { get; init; } = [];

    public TicketFlagsDto Flags { get; init; } = new(false, false);

    /// <summary>转办其他平台: the peer this order was handed to (closed TransferredOut) and the peer's status; null otherwise.</summary>
    public TransferOutDto? TransferOut { get; init; }

    /// <summary>An order transferred in by a peer (channel Transfer): who sent it and their order number; null otherwise.</summary>
    public TransferSourceDto? TransferSource { get; init; }

    public AssessmentDto Assessment { get; init; } = new(false, null, null, null);

    /// <summary>申诉 of this order, oldest first, with their decisions.</summary>
    public IReadOnlyList<AppealDto> Appeals { get; init; } = [];
}

/// <summary>办结审核 of the current reply: <c>required</c> by the review rules, its status, and the supervisor's decision.</summary>
public sealed record ReviewDto(bool Required, ReviewStatus Status, DateTimeOffset? At, string? By, string? Note);

/// <summary>
/// 挂起: the latest request (<c>reason</c>, <c>requestedAt</c>, <c>until</c> if it ends by itself), <c>since</c> when the clocks
/// stopped, and <c>totalSuspended</c>, all the time stopped over the suspensions that have ended.
/// </summary>
public sealed record SuspensionDto(SuspensionStatus Status, string? Reason, DateTimeOffset? RequestedAt, DateTimeOffset? Since, DateTimeOffset? Until, TimeSpan TotalSuspended);

/// <summary>The knowledge article, and its published version, that an order answered on the spot was answered from.</summary>
public sealed record AnswerArticleDto(Guid Id, int Version);

public sealed record TicketListItemDto(
    Guid Id,
    string Number,
    TicketStatus Status,
    TicketType Type,
    string CategoryCode,
    Urgency Urgency,
    Guid? LeadUnitId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? NextDueAt,
    bool Overdue)
{
    /// <summary>How much of the content a list row carries (<see cref="ContentPreview"/>).</summary>
    public const int PreviewLength = 60;

    /// <summary>The citizen's words, cut after <see cref="PreviewLength"/> characters with "…".</summary>
    public string ContentPreview { get; init; } = string.Empty;

    public string? DistrictCode { get; init; }

    public string? StreetCode { get; init; }

    public string? Address { get; init; }

    /// <summary>重办: times the order came back to its unit (a failed review or callback).</summary>
    public int ReworkCount { get; init; }

    /// <summary>The order carries a leader's instruction (领导批示).</summary>
    public bool Instructed { get; init; }

    public bool Hard { get; init; }

    public bool Typical { get; init; }

    /// <summary>待研判.</summary>
    public bool AssessmentPending { get; init; }
}

public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Total);

/// <summary>The list's order: <c>Deadline</c>, the next running deadline first; <c>Created</c>, newest first.</summary>
public enum TicketSort { Created, Deadline }

public sealed record DispatchSuggestionDto(Guid? UnitId, Guid? RuleId, string Reason);

/// <summary><c>articleId</c>: the knowledge article the answer came from (its published version is recorded on the order).</summary>
public sealed record AnswerRequest(string? Answer, int? Version, Guid? ArticleId = null);

public sealed record DispatchRequest(Guid? LeadUnitId, IReadOnlyList<Guid>? AssistingUnitIds, string? Note, int? Version);

public sealed record VersionOnlyRequest(int? Version);

public sealed record NoteRequest(string? Note, int? Version);

public sealed record ReturnRequest(string? Reason, int? Version);

public sealed record ReturnDecisionRequest(bool? Approve, Guid? RedispatchToUnitId, string? Note, int? Version);

public sealed record ExtensionRequest(DateTimeOffset? NewReplyDueAt, string? Reason, int? Version);

public sealed record ExtensionDecisionRequest(bool? Approve, string? Note, int? Version);

public sealed record ReplyRequest(bool? Solved, string? Answer, int? Version);

/// <summary>办结审核: approve the reply, or send it back to the lead unit (<c>note</c> required then).</summary>
public sealed record ReplyReviewRequest(bool? Approve, string? Note, int? Version);

/// <summary>挂起申请: why the handling cannot move, and optionally when the clocks should restart by themselves.</summary>
public sealed record SuspensionRequest(string? Reason, DateTimeOffset? Until, int? Version);

public sealed record SuspensionDecisionRequest(bool? Approve, string? Note, int? Version);

/// <summary>
/// 回访 result. <c>ReasonCode</c> (a code of <c>GET /api/callbacks/desk</c>) is required with <c>Dissatisfied</c> and
/// refused otherwise. <c>Unreachable</c> with a <c>ContactFailure</c> other than <c>WrongNumber</c> is one unreached call:
/// the order returns to the queue at <c>Retry</c> (default in two hours) until the last allowed attempt.
/// </summary>
public sealed record CallbackRequest(CallbackOutcome? Outcome, bool? Solved, string? Note, int? Version, string? ReasonCode = null, ContactFailure? ContactFailure = null, CallbackRetry? Retry = null);

public sealed record MergeRequest(Guid? OriginalTicketId, int? Version);

public sealed record CloseRequest(string? Reason, int? Version);

public sealed record CitizenPhoneDto(string? Phone);

/// <summary>
/// One of the caller's earlier orders. <see cref="PossibleDuplicate"/>: still open and registered within the duplicate
/// window (30 days), so the call may be about it (告知进度 or 合并 rather than a new order).
/// </summary>
public sealed record CallerOrderDto(
    Guid Id,
    string Number,
    TicketStatus Status,
    string CategoryCode,
    Guid? LeadUnitId,
    DateTimeOffset CreatedAt,
    string Excerpt,
    bool PossibleDuplicate,
    LocationDto Location);

/// <summary>
/// The caller's earlier orders by phone, newest first (at most 20), with the name and the place they gave last, which
/// the agent can take over instead of asking again.
/// </summary>
public sealed record CallerHistoryDto(
    string Phone,
    string? LastName,
    LocationDto? LastLocation,
    IReadOnlyList<CallerOrderDto> Orders,
    int DuplicateWindowDays);

/// <summary>
/// 转办其他平台 as the sender sees it: <c>status</c> is <c>Pending</c> until the peer acknowledged (then its
/// <c>peerReference</c> is known), then the peer's order status as it reports it, <c>statusText</c> in Chinese.
/// </summary>
public sealed record TransferOutDto(Guid TransferId, Guid PeerId, string PeerName, string? PeerReference, string Status, string StatusText, DateTimeOffset UpdatedAt);

/// <summary>The peer that transferred this order in, with its transfer id and its own order number.</summary>
public sealed record TransferSourceDto(Guid PeerId, string PeerName, string TransferId, string Reference);
