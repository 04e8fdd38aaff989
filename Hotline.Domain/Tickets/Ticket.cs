using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Callbacks;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>
/// The work order (工单), the state machine of docs/architecture.md. Every state change goes through one of its
/// methods, which checks the status and the actor's unit, appends a timeline entry, bumps <see cref="Version"/>
/// (the concurrency token) and raises a domain event. The order decides which deadline stages run; the
/// arithmetic of their clocks is <see cref="Clocks"/>.
/// </summary>
public sealed partial class Ticket : AggregateRoot
{
    public const int MaxContentLength = 4000;
    public const int MaxNoteLength = 2000;
    public const int MaxExternalIdLength = 64;

    /// <summary>How far an extension may move the reply deadline: 60 days past the current one (docs/deadlines.md).</summary>
    public static readonly TimeSpan MaxExtension = TimeSpan.FromDays(60);

    private readonly List<TimelineEntry> _timeline = [];
    private readonly List<TicketParticipant> _participants = [];
    private readonly List<TicketAlert> _alerts = [];
    private readonly List<TicketAppeal> _appeals = [];

    private Ticket()
    {
        Number = string.Empty;
        CategoryCode = string.Empty;
        Citizen = null!;
        Location = null!;
        Content = string.Empty;
        Clocks = new TicketClocks();
    }

    public Guid Id { get; private set; }

    public string Number { get; private set; }

    public TicketStatus Status { get; private set; }

    public CloseReason? CloseReason { get; private set; }

    public Channel Channel { get; private set; }

    public TicketType Type { get; private set; }

    public string CategoryCode { get; private set; }

    public Urgency Urgency { get; private set; }

    public Citizen Citizen { get; private set; }

    public TicketLocation Location { get; private set; }

    public string Content { get; private set; }

    public string? CallSid { get; private set; }

    /// <summary>The id in the previous system of an order imported from the history (close reason Imported); unique.</summary>
    public string? ExternalId { get; private set; }

    /// <summary>The caller's idempotency key, scoped by the caller (see RegisterTicket).</summary>
    public string? IdempotencyKey { get; private set; }

    public string? IdempotencyFingerprint { get; private set; }

    public Guid? LeadUnitId { get; private set; }

    public IReadOnlyList<TicketParticipant> Participants => _participants;

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ContactedAt { get; private set; }

    public DateTimeOffset? RepliedAt { get; private set; }

    /// <summary>The deadline clocks: due and warning instants per stage, the alerts raised, the indexed next due and next alert.</summary>
    public TicketClocks Clocks { get; private set; }

    /// <summary>Alerts raised by this instance (new ones only; the full list is read with a query).</summary>
    public IReadOnlyList<TicketAlert> Alerts => _alerts;

    /// <summary>The agent's answer when closed on the spot (直接办结).</summary>
    public string? Answer { get; private set; }

    /// <summary>The knowledge article (and its published version) the on-the-spot answer came from, if any.</summary>
    public Guid? AnswerArticleId { get; private set; }

    public int? AnswerArticleVersion { get; private set; }

    public bool? ReplySolved { get; private set; }

    public string? ReplyAnswer { get; private set; }

    public string? ReturnReason { get; private set; }

    public TicketStatus? StatusBeforeReturn { get; private set; }

    /// <summary>A unit named by a supervisor's arbitration may not return the order again.</summary>
    public bool LeadFixedByArbitration { get; private set; }

    /// <summary>The lead unit's extension request awaiting a supervisor; null when none is pending.</summary>
    public PendingExtension? PendingExtension { get; private set; }

    public CallbackOutcome? CallbackOutcome { get; private set; }

    public bool? CallbackSolved { get; private set; }

    public DateTimeOffset? CallbackAt { get; private set; }

    /// <summary>The 不满意原因 of a dissatisfied callback recorded by a person (null for automated surveys).</summary>
    public string? CallbackReasonCode { get; private set; }

    /// <summary>Unreached callback calls (无人接听, 关机, 拒接) of the current reply.</summary>
    public int CallbackAttempts { get; private set; }

    /// <summary>After an unreached call: when the order is back in the callback queue.</summary>
    public DateTimeOffset? CallbackRetryAt { get; private set; }

    public ContactFailure? CallbackFailure { get; private set; }

    public int ReworkCount { get; private set; }

    /// <summary>办结审核 of the current reply: whether the review rules asked for it and where it stands.</summary>
    public ReviewStatus ReviewStatus { get; private set; }

    public DateTimeOffset? ReviewedAt { get; private set; }

    public string? ReviewedBy { get; private set; }

    public string? ReviewNote { get; private set; }

    /// <summary>挂起: where the latest suspension request stands.</summary>
    public SuspensionStatus SuspensionStatus { get; private set; }

    public string? SuspensionReason { get; private set; }

    public DateTimeOffset? SuspensionRequestedAt { get; private set; }

    /// <summary>When the clocks stopped (the latest suspension approved).</summary>
    public DateTimeOffset? SuspendedSince { get; private set; }

    /// <summary>When the clocks restart by themselves (the deadline sweep resumes the order); null: only by a resume.</summary>
    public DateTimeOffset? SuspendedUntil { get; private set; }

    /// <summary>All the time this order's clocks were stopped, over every suspension that has ended.</summary>
    public TimeSpan SuspendedTotal { get; private set; }

    public bool IsSuspended => SuspensionStatus == SuspensionStatus.Suspended;

    /// <summary>申诉 of this order (loaded by the appeal handlers, not with every order).</summary>
    public IReadOnlyList<TicketAppeal> Appeals => _appeals;

    /// <summary>The callback verdict (its <see cref="CallbackAt"/>) an upheld appeal exempted; it counts in no rate while it is the order's callback.</summary>
    public DateTimeOffset? CallbackExemptedAt { get; private set; }

    /// <summary>An upheld appeal of an overdue verdict: the order's lateness counts in no rate (docs/kpis.md).</summary>
    public bool LatenessExempted { get; private set; }

    /// <summary>The order's current callback verdict is exempted from the unit's resolution and satisfaction rates.</summary>
    public bool IsCallbackExempted => CallbackExemptedAt is { } exempted && exempted == CallbackAt;

    /// <summary>Replied and not waiting for the review: the callback may be made.</summary>
    public bool IsReadyForCallback => Status == TicketStatus.Replied && ReviewStatus != ReviewStatus.Pending;

    /// <summary>The attempts that are one unreached callback call each (空号 is final at once).</summary>
    public static bool IsRetriable(ContactFailure failure) => failure != ContactFailure.WrongNumber;

    /// <summary>The China date the order was registered on: the day its volumes and hot spots count in (docs/kpis.md).</summary>
    public DateOnly CreatedDay { get; private set; }

    /// <summary>The first dispatch; never moves on redispatch or rework, so the order counts in one period only (docs/kpis.md).</summary>
    public DateTimeOffset? FirstDispatchedAt { get; private set; }

    /// <summary>The lead unit was late to sign for or contact in an earlier round of this order (before a rework).</summary>
    public bool PriorResponseLate { get; private set; }

    /// <summary>The lead unit replied late in an earlier round of this order (before a rework).</summary>
    public bool PriorReplyLate { get; private set; }

    public int UrgeCount { get; private set; }

    public Guid? MergedIntoTicketId { get; private set; }

    public string? CloseNote { get; private set; }

    public int Version { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>When the citizen's name, phone and address details were removed (retention or on request, docs/privacy.md); null while they are kept.</summary>
    public DateTimeOffset? AnonymisedAt { get; private set; }

    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    public bool IsOpen => Status != TicketStatus.Closed;

    public IEnumerable<Guid> AssistingUnitIds => _participants.Where(p => p.Role == ParticipantRole.Assisting).Select(p => p.UnitId);

    public IEnumerable<Guid> CopiedUnitIds => _participants.Where(p => p.Role == ParticipantRole.Copied).Select(p => p.UnitId);

    /// <summary>Whether a department user of <paramref name="unitId"/> may see this order at all.</summary>
    public bool IsVisibleToUnit(Guid unitId) => LeadUnitId == unitId || _participants.Any(p => p.UnitId == unitId);

    /// <summary>A report (举报) or a citizen who asked for confidentiality: the handling unit never sees who it is.</summary>
    public bool HidesIdentityFromUnits => Type == TicketType.Report || Citizen.Confidential;

    public static Ticket Register(
        Guid id,
        string number,
        Channel channel,
        TicketType type,
        string categoryCode,
        Urgency urgency,
        Citizen citizen,
        TicketLocation location,
        string content,
        string? callSid,
        string? idempotencyKey,
        string? idempotencyFingerprint,
        Actor actor,
        DateTimeOffset now,
        string? registrationNote = null)
    {
        if (content.Length > MaxContentLength)
        {
            throw new DomainException($"诉求内容不能超过 {MaxContentLength} 字。");
        }

        var ticket = new Ticket
        {
            Id = id,
            Number = number,
            Status = TicketStatus.Registered,
            Channel = channel,
            Type = type,
            CategoryCode = categoryCode,
            Urgency = urgency,
            Citizen = citizen,
            Location = location,
            Content = content,
            CallSid = callSid,
            IdempotencyKey = idempotencyKey,
            IdempotencyFingerprint = idempotencyFingerprint,
            CreatedAt = now,
            CreatedDay = ChinaTime.DateOf(now),
            UpdatedAt = now,
            Version = 0,
        };
        ticket.Record(TimelineActions.Registered, actor, null, TicketStatus.Registered, registrationNote, now);
        ticket.Raise(new TicketRegistered(id, number, ticket.Status, ticket.Version, now, channel));
        return ticket;
    }

    /// <summary>
    /// 历史导入: an order closed in the centre's previous system, stored closed (reason Imported) with its own
    /// number. It has no clocks, no callback and raises no event: it is history for search and for training,
    /// never part of the measures, the overdue lists or the callback queue (docs/intelligence.md).
    /// </summary>
    public static Ticket Import(
        Guid id,
        string number,
        string externalId,
        Channel channel,
        TicketType type,
        string categoryCode,
        TicketLocation location,
        string content,
        Guid? leadUnitId,
        string? answer,
        DateTimeOffset createdAt,
        DateTimeOffset closedAt,
        Actor actor,
        DateTimeOffset now)
    {
        if (content.Length > MaxContentLength || (answer?.Length ?? 0) > MaxContentLength)
        {
            throw new DomainException($"诉求内容和答复不能超过 {MaxContentLength} 字。");
        }

        if (externalId.Length > MaxExternalIdLength)
        {
            throw new DomainException($"externalId 不能超过 {MaxExternalIdLength} 字。");
        }

        if (closedAt < createdAt)
        {
            throw new DomainException("closedAt 不能早于 createdAt。");
        }

        var ticket = new Ticket
        {
            Id = id,
            Number = number,
            ExternalId = externalId,
            Status = TicketStatus.Closed,
            CloseReason = Contracts.CloseReason.Imported,
            Channel = channel,
            Type = type,
            CategoryCode = categoryCode,
            Urgency = Urgency.Normal,
            Citizen = new Citizen(null, null, false),
            Location = location,
            Content = content,
            LeadUnitId = leadUnitId,
            ReplyAnswer = answer,
            CreatedAt = createdAt,
            CreatedDay = ChinaTime.DateOf(createdAt),
            ClosedAt = closedAt,
            UpdatedAt = now,
            Version = 0,
        };
        ticket.Record(TimelineActions.Imported, actor, null, TicketStatus.Closed, $"历史工单导入，原系统编号 {externalId}", now);
        return ticket;
    }

    /// <summary>直接办结: the agent answers on the spot and closes the order.</summary>
    public void AnswerOnSpot(string answer, Actor actor, DateTimeOffset now)
    {
        RequireStatus("answer", TicketStatus.Registered);
        Answer = answer;
        CloseAs(Contracts.CloseReason.Answered, TimelineActions.AnsweredOnSpot, answer, actor, now);
    }

    /// <summary>Records which knowledge article (version) the on-the-spot answer used.</summary>
    public void CiteArticle(Guid articleId, int version) => (AnswerArticleId, AnswerArticleVersion) = (articleId, version);

    /// <summary>
    /// 修改分类: before dispatching, an agent corrects the category, urgency (the SLA tier the clocks will use)
    /// and type that the citizen or an Open311 client chose. Only while Registered; the timeline lists old → new.
    /// A report (举报) turned into another type stays confidential: its citizen asked not to be named.
    /// </summary>
    public void Reclassify(TicketType type, string categoryCode, Urgency urgency, Func<string, string> categoryName, Actor actor, DateTimeOffset now)
    {
        RequireStatus("reclassify", TicketStatus.Registered);
        var changes = new List<string>();
        if (categoryCode != CategoryCode)
        {
            changes.Add($"分类：{categoryName(CategoryCode)} → {categoryName(categoryCode)}");
        }

        if (urgency != Urgency)
        {
            changes.Add($"紧急程度：{UrgencyName(Urgency)} → {UrgencyName(urgency)}");
        }

        if (type != Type)
        {
            changes.Add($"类型：{TypeName(Type)} → {TypeName(type)}");
        }

        if (changes.Count == 0)
        {
            throw new DomainException("分类、紧急程度和类型均未改变。");
        }

        if (Type == TicketType.Report && type != TicketType.Report && !Citizen.Confidential)
        {
            Citizen = Citizen with { Confidential = true };
        }

        var previousCategory = CategoryCode;
        var previousUrgency = Urgency;
        var previousType = Type;
        (Type, CategoryCode, Urgency) = (type, categoryCode, urgency);
        Record(TimelineActions.Reclassified, actor, Status, Status, string.Join("；", changes), now);
        Raise(new TicketReclassified(Id, Number, Status, Version, now, previousCategory, categoryCode, previousUrgency, urgency, previousType, type));
    }

    /// <summary>派单: sends the order to a lead unit (and assisting units); its clocks start now.</summary>
    public void Dispatch(Guid leadUnitId, IReadOnlyCollection<Guid> assistingUnitIds, Guid? copiedUnitId, IDeadlineSchedule schedule, string? note, Actor actor, DateTimeOffset now)
    {
        RequireStatus("dispatch", TicketStatus.Registered);
        if (assistingUnitIds.Contains(leadUnitId))
        {
            throw new DomainException("主办单位不能同时是协办单位。");
        }

        var from = Status;
        SetUnits(leadUnitId, assistingUnitIds, copiedUnitId);
        StartClocks(schedule.For(Urgency, now), schedule.WarningShare, now);
        FirstDispatchedAt ??= now;
        ClearAssessment();
        Status = TicketStatus.Dispatched;
        Record(TimelineActions.Dispatched, actor, from, Status, note, now);
        Raise(new TicketDispatched(Id, Number, Status, Version, now, leadUnitId, IsRework: false));
    }

    /// <summary>签收.</summary>
    public void Accept(Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "签收");
        RequireStatus("accept", TicketStatus.Dispatched);
        AcceptedAt = now;
        Status = TicketStatus.Accepted;
        Record(TimelineActions.Accepted, actor, TicketStatus.Dispatched, Status, null, now);
        Raise(new TicketAccepted(Id, Number, Status, Version, now, LeadUnitId!.Value));
    }

    /// <summary>联系: records contact with the citizen; the first one stops the contact clock.</summary>
    public void RecordContact(string note, Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "联系市民");
        RequireStatus("contact", TicketStatus.Accepted);
        ContactedAt ??= now;
        Record(TimelineActions.Contacted, actor, Status, Status, note, now);
        Raise(new CitizenContacted(Id, Number, Status, Version, now, LeadUnitId!.Value));
    }

    /// <summary>退单申请.</summary>
    public void RequestReturn(string reason, Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "申请退单");
        RequireStatus("return", TicketStatus.Dispatched, TicketStatus.Accepted);
        RequireNotSuspended();
        if (LeadFixedByArbitration)
        {
            throw new DomainException("经督办仲裁指定的承办单位不能再次退单。");
        }

        if (SuspensionStatus == SuspensionStatus.Pending)
        {
            // The order leaves the unit's hands: the request is moot.
            SuspensionStatus = SuspensionStatus.None;
        }

        StatusBeforeReturn = Status;
        ReturnReason = reason;
        var from = Status;
        Status = TicketStatus.ReturnRequested;
        Record(TimelineActions.ReturnRequested, actor, from, Status, reason, now);
        Raise(new ReturnRequested(Id, Number, Status, Version, now, LeadUnitId!.Value, reason));
    }

    /// <summary>The supervisor approves the return and redispatches: the new unit gets fresh accept and contact limits.</summary>
    public void ApproveReturn(Guid newLeadUnitId, Guid? copiedUnitId, IDeadlineSchedule schedule, string? note, Actor actor, DateTimeOffset now)
    {
        RequireStatus("approve return", TicketStatus.ReturnRequested);
        var previousLead = LeadUnitId!.Value;
        if (newLeadUnitId == previousLead)
        {
            throw new DomainException("批准退单时必须改派给其他单位。");
        }

        var assisting = AssistingUnitIds.Where(u => u != newLeadUnitId).ToList();
        SetUnits(newLeadUnitId, assisting, copiedUnitId);
        Clocks.RestartResponse(schedule.For(Urgency, now), schedule.WarningShare, now);
        AcceptedAt = null;
        ContactedAt = null;
        PendingExtension = null;
        DispatchedAt = now;
        PriorResponseLate = false;
        PriorReplyLate = false;
        LeadFixedByArbitration = true;
        StatusBeforeReturn = null;
        Status = TicketStatus.Dispatched;
        Record(TimelineActions.ReturnApproved, actor, TicketStatus.ReturnRequested, Status, note, now);
        Raise(new ReturnDecided(Id, Number, Status, Version, now, Approved: true, previousLead, newLeadUnitId));
    }

    /// <summary>The supervisor rejects the return: the order goes back to the same unit, which may not return it again.</summary>
    public void RejectReturn(string? note, Actor actor, DateTimeOffset now)
    {
        RequireStatus("reject return", TicketStatus.ReturnRequested);
        Status = StatusBeforeReturn ?? TicketStatus.Dispatched;
        StatusBeforeReturn = null;
        LeadFixedByArbitration = true;
        Record(TimelineActions.ReturnRejected, actor, TicketStatus.ReturnRequested, Status, note, now);
        Raise(new ReturnDecided(Id, Number, Status, Version, now, Approved: false, LeadUnitId!.Value, LeadUnitId!.Value));
    }

    /// <summary>延期申请: before the reply deadline, with a reason and a later date.</summary>
    public void RequestExtension(DateTimeOffset newReplyDueAt, string reason, Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "申请延期");
        RequireStatus("request extension", TicketStatus.Accepted);
        RequireNotSuspended();
        if (PendingExtension is not null)
        {
            throw new DomainException("已有待审批的延期申请。");
        }

        if (Clocks.ReplyDueAt is { } due && now >= due)
        {
            throw new DomainException("答复期限已过，不能再申请延期。");
        }

        if (Clocks.ReplyDueAt is { } current && newReplyDueAt <= current)
        {
            throw new DomainException("新的答复期限必须晚于当前期限。");
        }

        if (newReplyDueAt > (Clocks.ReplyDueAt ?? now) + MaxExtension)
        {
            throw new DomainException($"延期最多 {MaxExtension.TotalDays:0} 天：新的答复期限不能晚于当前期限后 {MaxExtension.TotalDays:0} 天。");
        }

        PendingExtension = new PendingExtension(newReplyDueAt.ToUniversalTime(), reason, now);
        Record(TimelineActions.ExtensionRequested, actor, Status, Status, $"{reason}（申请延至 {ChinaTime.ToChina(newReplyDueAt):yyyy-MM-dd HH:mm}）", now);
        Raise(new ExtensionRequested(Id, Number, Status, Version, now, PendingExtension.DueAt));
    }

    public void DecideExtension(bool approve, string? note, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException("decide extension", Status);
        }

        if (PendingExtension is not { } pending)
        {
            throw new DomainException("没有待审批的延期申请。");
        }

        if (approve)
        {
            Clocks.ExtendReply(pending.DueAt, now);
        }

        PendingExtension = null;
        Record(approve ? TimelineActions.ExtensionApproved : TimelineActions.ExtensionRejected, actor, Status, Status, note, now);
        Raise(new ExtensionDecided(Id, Number, Status, Version, now, approve, Clocks.ReplyDueAt!.Value));
    }

    /// <summary>
    /// 答复/办结 by the lead unit. A citizen who left a phone must have been contacted first. When the review rules ask for
    /// it (<paramref name="requiresReview"/>, see <see cref="ReviewRule"/>), the reply waits for a supervisor's review
    /// before any callback.
    /// </summary>
    public void Reply(bool solved, string answer, Actor actor, DateTimeOffset now, bool requiresReview = false)
    {
        RequireLead(actor, "答复");
        RequireStatus("reply", TicketStatus.Accepted);
        RequireNotSuspended();
        if (ContactedAt is null && !string.IsNullOrWhiteSpace(Citizen.Phone))
        {
            throw new DomainException("答复前须先联系市民并记录联系情况。");
        }

        ReplySolved = solved;
        ReplyAnswer = answer;
        RepliedAt = now;
        (CallbackAttempts, CallbackRetryAt, CallbackFailure) = (0, null, null);
        PendingExtension = null;
        if (SuspensionStatus == SuspensionStatus.Pending)
        {
            // The work moved on: the request is moot.
            SuspensionStatus = SuspensionStatus.None;
        }

        (ReviewStatus, ReviewedAt, ReviewedBy, ReviewNote) = (requiresReview ? ReviewStatus.Pending : ReviewStatus.NotRequired, null, null, null);
        Status = TicketStatus.Replied;
        Record(TimelineActions.Replied, actor, TicketStatus.Accepted, Status, requiresReview ? $"{answer}（待办结审核）" : answer, now);
        Raise(new TicketReplied(Id, Number, Status, Version, now, solved));
    }

    /// <summary>
    /// 办结审核 by a supervisor. Approved: the order waits for its callback as any reply. Rejected (a note is required):
    /// back to the lead unit as Accepted with a fresh reply deadline from the SLA table, counted as a rework.
    /// </summary>
    public void Review(bool approve, string? note, IDeadlineSchedule schedule, Actor actor, DateTimeOffset now)
    {
        RequireStatus("review", TicketStatus.Replied);
        if (ReviewStatus != ReviewStatus.Pending)
        {
            throw new DomainException("该工单的答复没有待审核的办结审核。");
        }

        if (!approve && string.IsNullOrWhiteSpace(note))
        {
            throw new DomainException("退回重办须填写审核意见。");
        }

        (ReviewedAt, ReviewedBy, ReviewNote) = (now, actor.UserName, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
        if (approve)
        {
            ReviewStatus = ReviewStatus.Approved;
            Record(TimelineActions.ReviewApproved, actor, Status, Status, ReviewNote, now);
            Raise(new ReplyReviewed(Id, Number, Status, Version, now, Approved: true, LeadUnitId));
            return;
        }

        ReviewStatus = ReviewStatus.Rejected;
        ReworkCount++;
        PriorReplyLate |= IsStageOverdue(DeadlineStage.Reply, now);
        Clocks.RestartReply(schedule.For(Urgency, now), schedule.WarningShare, now);
        RepliedAt = null;
        ReplySolved = null;
        ReplyAnswer = null;
        Status = TicketStatus.Accepted;
        Record(TimelineActions.ReviewRejected, actor, TicketStatus.Replied, Status, $"{ReviewNote}（第 {ReworkCount} 次重办）", now);
        Raise(new ReplyReviewed(Id, Number, Status, Version, now, Approved: false, LeadUnitId));
    }

    /// <summary>挂起申请 by the lead unit while it handles the order, before its reply deadline; <paramref name="until"/>, if given, ends it by itself.</summary>
    public void RequestSuspension(string reason, DateTimeOffset? until, Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "申请挂起");
        RequireStatus("request suspension", TicketStatus.Accepted);
        if (SuspensionStatus == SuspensionStatus.Pending)
        {
            throw new DomainException("已有待审批的挂起申请。");
        }

        RequireNotSuspended();
        if (until is { } end && end <= now)
        {
            throw new DomainException("挂起截止时间必须晚于现在。");
        }

        if (Clocks.ReplyDueAt is { } due && now >= due)
        {
            throw new DomainException("答复期限已过，不能再申请挂起。");
        }

        (SuspensionStatus, SuspensionReason, SuspensionRequestedAt, SuspendedUntil, SuspendedSince) = (SuspensionStatus.Pending, reason, now, until?.ToUniversalTime(), null);
        var note = until is { } u ? $"{reason}（申请挂起至 {ChinaTime.ToChina(u):yyyy-MM-dd HH:mm}）" : reason;
        Record(TimelineActions.SuspensionRequested, actor, Status, Status, note, now);
        Raise(new SuspensionRequested(Id, Number, Status, Version, now, LeadUnitId!.Value, until));
    }

    /// <summary>A supervisor approves (every running clock stops now) or rejects a pending suspension request.</summary>
    public void DecideSuspension(bool approve, string? note, Actor actor, DateTimeOffset now)
    {
        if (SuspensionStatus != SuspensionStatus.Pending)
        {
            throw new DomainException("没有待审批的挂起申请。");
        }

        RequireStatus("decide suspension", TicketStatus.Accepted);
        if (approve && SuspendedUntil is { } until && until <= now)
        {
            throw new DomainException("申请的挂起截止时间已过，请驳回后由承办单位重新申请。");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (approve)
        {
            (SuspensionStatus, SuspendedSince) = (SuspensionStatus.Suspended, now);
            Record(TimelineActions.SuspensionApproved, actor, Status, Status, text is null ? "暂停计时" : $"暂停计时。{text}", now);
        }
        else
        {
            (SuspensionStatus, SuspendedUntil) = (SuspensionStatus.Rejected, null);
            Record(TimelineActions.SuspensionRejected, actor, Status, Status, text, now);
        }

        Raise(new SuspensionDecided(Id, Number, Status, Version, now, approve, LeadUnitId));
    }

    /// <summary>
    /// 恢复计时 by the lead unit or a supervisor, or by the deadline sweep once <see cref="SuspendedUntil"/> is reached
    /// (the clocks then restart at that instant, not at the sweep's). Every clock that was running restarts with the
    /// time it had left, in its own unit (<see cref="DeadlineCalculator.Resumed"/>).
    /// </summary>
    public void Resume(WorkingCalendar calendar, Actor actor, DateTimeOffset now)
    {
        if (!IsSuspended)
        {
            throw new DomainException("工单未挂起，无需恢复计时。");
        }

        var bySystem = actor.UserId is null && actor.UnitId is null && actor.Roles.Count == 0;
        if (!bySystem && !actor.IsInRole(Roles.Supervisor) && actor.UnitId != LeadUnitId)
        {
            throw new ActorNotPermittedException("只有主办单位或督办可以恢复计时。");
        }

        var since = SuspendedSince!.Value;
        var at = bySystem && SuspendedUntil is { } until && until < now ? until : now;
        Clocks.Resume(StagesInProgress(), since, at, calendar);
        var stopped = at - since;
        EndSuspension(at);
        var due = Clocks.ReplyDueAt is { } reply ? $"，答复期限 {ChinaTime.ToChina(reply):yyyy-MM-dd HH:mm}" : string.Empty;
        var how = bySystem ? "挂起期满，自动恢复计时" : "恢复计时";
        Record(TimelineActions.Resumed, actor, Status, Status, $"{how}：本次挂起 {ChineseLabels.Duration(stopped)}，不计入办理时限{due}", now);
        Raise(new SuspensionResumed(Id, Number, Status, Version, now, stopped, LeadUnitId));
    }

    /// <summary>Whether the deadline sweep should restart this order's clocks at <paramref name="now"/>.</summary>
    public bool IsSuspensionOver(DateTimeOffset now) => IsSuspended && SuspendedUntil is { } until && until <= now;

    /// <summary>
    /// 回访. Satisfied or basically satisfied and solved closes the order; dissatisfied or unsolved sends it
    /// back to the same lead unit with fresh limits (重办); unreachable closes it without counting.
    /// </summary>
    public void RecordCallback(
        Contracts.CallbackOutcome outcome, bool? solved, string? note, IDeadlineSchedule schedule, Actor actor, DateTimeOffset now, CallbackReason? reason = null)
    {
        RequireCallbackReady();
        if (outcome != Contracts.CallbackOutcome.Unreachable && solved is null)
        {
            throw new DomainException("请记录问题是否解决。");
        }

        if (reason is not null && outcome != Contracts.CallbackOutcome.Dissatisfied)
        {
            throw new DomainException("只有不满意的回访才记录不满意原因。");
        }

        CallbackOutcome = outcome;
        CallbackSolved = outcome == Contracts.CallbackOutcome.Unreachable ? null : solved;
        CallbackAt = now;
        CallbackReasonCode = reason?.Code;
        CallbackRetryAt = null;
        note = reason is null ? note : string.IsNullOrWhiteSpace(note) ? $"不满意原因：{reason.Name}" : $"不满意原因：{reason.Name}。{note}";
        var rework = outcome == Contracts.CallbackOutcome.Dissatisfied
            || (outcome != Contracts.CallbackOutcome.Unreachable && solved == false);

        if (!rework)
        {
            CloseNote = note;
            Status = TicketStatus.Closed;
            CloseReason = Contracts.CloseReason.CallbackDone;
            ClosedAt = now;
            Record(TimelineActions.CallbackRecorded, actor, TicketStatus.Replied, Status, Describe(outcome, CallbackSolved, note), now);
            Raise(new CallbackRecorded(Id, Number, Status, Version, now, outcome, CallbackSolved, Rework: false));
            Raise(new TicketClosed(Id, Number, Status, Version, now, Contracts.CloseReason.CallbackDone));
            return;
        }

        ReworkCount++;
        PriorResponseLate |= IsStageOverdue(DeadlineStage.Accept, now) || IsStageOverdue(DeadlineStage.Contact, now);
        PriorReplyLate |= IsStageOverdue(DeadlineStage.Reply, now);
        StartClocks(schedule.For(Urgency, now), schedule.WarningShare, now);
        ReplySolved = null;
        ReplyAnswer = null;
        Status = TicketStatus.Dispatched;
        Record(TimelineActions.CallbackRecorded, actor, TicketStatus.Replied, TicketStatus.Replied, Describe(outcome, solved, note), now, bumpVersion: false);
        Record(TimelineActions.Reworked, actor, TicketStatus.Replied, Status, $"第 {ReworkCount} 次重办", now);
        Raise(new CallbackRecorded(Id, Number, Status, Version, now, outcome, solved, Rework: true));
        Raise(new TicketDispatched(Id, Number, Status, Version, now, LeadUnitId!.Value, IsRework: true));
    }

    /// <summary>
    /// A callback call that did not reach the citizen (无人接听, 关机, 拒接). Below <paramref name="maxAttempts"/> the order
    /// stays Replied and returns to the callback queue at <paramref name="retryAt"/>; the last allowed attempt, or 空号,
    /// records the callback as 联系不上 (closed, counted in no rate: domain.md).
    /// </summary>
    public void RecordCallbackAttempt(
        ContactFailure failure, DateTimeOffset retryAt, int maxAttempts, string? note, IDeadlineSchedule schedule, Actor actor, DateTimeOffset now)
    {
        RequireCallbackReady();
        ArgumentOutOfRangeException.ThrowIfLessThan(maxAttempts, 1);
        CallbackAttempts++;
        CallbackFailure = failure;
        var what = $"{ChineseLabels.Failure(failure)}（第 {CallbackAttempts} 次，共 {maxAttempts} 次）";
        if (!IsRetriable(failure) || CallbackAttempts >= maxAttempts)
        {
            var why = IsRetriable(failure) ? $"{what}，已达回访次数上限" : what;
            RecordCallback(Contracts.CallbackOutcome.Unreachable, null, string.IsNullOrWhiteSpace(note) ? why : $"{why}。{note}", schedule, actor, now);
            return;
        }

        if (retryAt <= now)
        {
            throw new DomainException("再次回访的时间须晚于现在。");
        }

        CallbackRetryAt = retryAt;
        var text = $"回访未接通：{what}，{ChinaTime.ToChina(retryAt):yyyy-MM-dd HH:mm} 再次回访";
        Record(TimelineActions.CallbackAttempted, actor, Status, Status, string.IsNullOrWhiteSpace(note) ? text : $"{text}。{note}", now);
        Raise(new CallbackAttempted(Id, Number, Status, Version, now, failure, CallbackAttempts, retryAt));
    }

    private void RequireCallbackReady()
    {
        RequireStatus("callback", TicketStatus.Replied);
        if (ReviewStatus == ReviewStatus.Pending)
        {
            throw new DomainException("答复尚待办结审核，审核通过后才能回访。");
        }
    }

    /// <summary>
    /// The call the order was registered from was transferred (转接坐席, 转接单位, 三方转接 110/119/120/122): recorded on the
    /// timeline whatever the order's status, since it is what happened to the citizen's call.
    /// </summary>
    public void RecordCallTransfer(string note, Actor actor, DateTimeOffset now) =>
        Record(TimelineActions.CallTransferred, actor, Status, Status, note, now);

    /// <summary>催办: counted on the order and pushed to the lead unit.</summary>
    public void Urge(string note, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException("urge", Status);
        }

        UrgeCount++;
        Record(TimelineActions.Urged, actor, Status, Status, note, now);
        Raise(new TicketUrged(Id, Number, Status, Version, now, LeadUnitId, note));
    }

    /// <summary>重复件: merged into its original and closed. Agents merge new orders; supervisors any open order.</summary>
    public void MergeInto(Ticket original, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException("merge", Status);
        }

        if (Status != TicketStatus.Registered && !actor.IsInRole(Roles.Supervisor))
        {
            throw new ActorNotPermittedException("已派发的工单只能由督办合并。");
        }

        if (original.Id == Id)
        {
            throw new DomainException("不能把工单合并到它自己。");
        }

        if (original.CloseReason == Contracts.CloseReason.Duplicate)
        {
            throw new DomainException($"工单 {original.Number} 本身是重复件，请合并到它的原件。");
        }

        MergedIntoTicketId = original.Id;
        CloseAs(Contracts.CloseReason.Duplicate, TimelineActions.Merged, $"合并到原件 {original.Number}", actor, now);
        original.AcceptDuplicate(this, actor, now);
    }

    /// <summary>
    /// The original's side of a merge: its timeline names the duplicate and its version moves, so two agents
    /// merging two orders into each other at the same instant cannot both succeed (the second save finds the
    /// version it read gone and answers 409), and consoles showing the original see the duplicate arrive.
    /// </summary>
    private void AcceptDuplicate(Ticket duplicate, Actor actor, DateTimeOffset now)
    {
        Record(TimelineActions.DuplicateMerged, actor, Status, Status, $"重复件 {duplicate.Number} 已合并到本工单", now);
        Raise(new DuplicateMerged(Id, Number, Status, Version, now, duplicate.Id, duplicate.Number));
    }

    /// <summary>无效件: an invalid or malicious submission, closed with a reason.</summary>
    public void MarkInvalid(string reason, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException("mark invalid", Status);
        }

        if (Status != TicketStatus.Registered && !actor.IsInRole(Roles.Supervisor))
        {
            throw new ActorNotPermittedException("已派发的工单只能由督办作无效处理。");
        }

        CloseAs(Contracts.CloseReason.Invalid, TimelineActions.MarkedInvalid, reason, actor, now);
    }

    /// <summary>A supervisor closes an open order with a reason (e.g. an unreasonable demand after rework).</summary>
    public void CloseBySupervisor(string reason, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException("close", Status);
        }

        CloseAs(Contracts.CloseReason.ClosedBySupervisor, TimelineActions.ClosedBySupervisor, reason, actor, now);
    }

    /// <summary>
    /// Removes the citizen's name, phone, free address and coordinates; keeps the district and street codes, the
    /// category, units, times and satisfaction the statistics read. Idempotent: a second call changes nothing.
    /// </summary>
    public bool Anonymise(DateTimeOffset now)
    {
        if (AnonymisedAt is not null)
        {
            return false;
        }

        Citizen = new Citizen(null, null, Citizen.Confidential);
        Location = Location with { Address = null, Latitude = null, Longitude = null };
        AnonymisedAt = now;
        return true;
    }

    /// <summary>The lead unit needs to call the citizen: the full phone is shown and the access logged.</summary>
    public string RevealPhone(Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "查看完整电话");
        if (!IsOpen)
        {
            throw new InvalidTransitionException("reveal phone", Status);
        }

        if (HidesIdentityFromUnits)
        {
            throw new ActorNotPermittedException("举报件或要求保密的工单不向承办单位提供市民身份。");
        }

        if (string.IsNullOrWhiteSpace(Citizen.Phone))
        {
            throw new DomainException("市民未留电话。");
        }

        // An audit entry, not a change of the order: other consoles' versions stay valid.
        Record(TimelineActions.PhoneRevealed, actor, Status, Status, "承办单位查看了完整电话号码", now, bumpVersion: false);
        return Citizen.Phone;
    }

    /// <summary>
    /// 预警 and 超期: raises every alert of the running clocks that has fallen due at <paramref name="now"/>, each
    /// once per clock. An overdue stage escalates to the supervisors and counts as an urge (系统催办).
    /// Returns how many alerts were raised.
    /// </summary>
    public int RaiseDueAlerts(DateTimeOffset now, Actor actor)
    {
        var raised = 0;
        foreach (var stage in RunningStages().ToList())
        {
            if (Clocks.TakeDueAlert(stage, now) is not { } kind)
            {
                continue;
            }

            RaiseAlert(stage, kind, Clocks.DueAt(stage)!.Value, actor, now);
            if (kind == AlertKind.Overdue)
            {
                // The urge it counts as is on the timeline too, as part of the same change (no second version).
                UrgeCount++;
                Record(TimelineActions.Urged, actor, Status, Status, $"系统催办：{StageName(stage)}已超期", now, bumpVersion: false);
            }

            raised++;
        }

        return raised;
    }

    /// <summary>
    /// Whether a stage is (or was) late at <paramref name="now"/>: done after its deadline, or still not done
    /// when the deadline passed (for a closed order: when it was closed).
    /// </summary>
    public bool IsStageOverdue(DeadlineStage stage, DateTimeOffset now)
    {
        var due = Clocks.DueAt(stage);
        var done = stage switch
        {
            DeadlineStage.Accept => AcceptedAt,
            DeadlineStage.Contact => ContactedAt,
            _ => RepliedAt,
        };
        if (due is null)
        {
            return false;
        }

        if (done is { } at)
        {
            return at > due;
        }

        // Stopped clocks are not late for the time they are stopped.
        if (IsOpen && IsSuspended && SuspendedSince is { } since)
        {
            now = since;
        }

        // A reply without a recorded contact (no phone was left) ends the contact stage.
        if (stage == DeadlineStage.Contact && RepliedAt is { } replied)
        {
            return replied > due;
        }

        return (IsOpen ? now : ClosedAt ?? now) > due;
    }

    private void CloseAs(CloseReason reason, string action, string? note, Actor actor, DateTimeOffset now)
    {
        if (IsSuspended)
        {
            // The stopped time never counts as late: the stopped deadlines move by it before the order closes.
            Clocks.Resume(StagesInProgress(), SuspendedSince!.Value, now, calendar: null);
            EndSuspension(now);
        }

        ClearAssessment();
        var from = Status;
        Status = TicketStatus.Closed;
        CloseReason = reason;
        CloseNote = note;
        ClosedAt = now;
        Record(action, actor, from, Status, note, now);
        Raise(new TicketClosed(Id, Number, Status, Version, now, reason));
    }

    private void SetUnits(Guid leadUnitId, IEnumerable<Guid> assistingUnitIds, Guid? copiedUnitId)
    {
        LeadUnitId = leadUnitId;
        var wanted = assistingUnitIds.Where(u => u != leadUnitId).Distinct().Select(u => (UnitId: u, Role: ParticipantRole.Assisting)).ToList();
        if (copiedUnitId is { } copied && copied != leadUnitId && wanted.All(w => w.UnitId != copied))
        {
            wanted.Add((copied, ParticipantRole.Copied));
        }

        // Keep rows that stay, so a redispatch updates the set instead of deleting and re-inserting the same keys.
        _participants.RemoveAll(p => !wanted.Contains((p.UnitId, p.Role)));
        foreach (var (unitId, role) in wanted.Where(w => !_participants.Any(p => p.UnitId == w.UnitId && p.Role == w.Role)))
        {
            _participants.Add(new TicketParticipant(unitId, role));
        }
    }

    private void StartClocks(StageDeadlines deadlines, double warningShare, DateTimeOffset now)
    {
        DispatchedAt = now;
        Clocks.Start(deadlines, warningShare, now);
        AcceptedAt = null;
        ContactedAt = null;
        RepliedAt = null;
        PendingExtension = null;
    }

    private void EndSuspension(DateTimeOffset at)
    {
        SuspendedTotal += at - SuspendedSince!.Value;
        (SuspensionStatus, SuspendedUntil) = (SuspensionStatus.Resumed, null);
    }

    private void RequireNotSuspended()
    {
        if (IsSuspended)
        {
            throw new DomainException("工单已挂起，请先恢复计时。");
        }
    }

    private void RequireStatus(string action, params TicketStatus[] allowed)
    {
        if (!allowed.Contains(Status))
        {
            throw new InvalidTransitionException(action, Status);
        }
    }

    private void RequireLead(Actor actor, string what)
    {
        if (actor.UnitId is null || actor.UnitId != LeadUnitId)
        {
            throw new ActorNotPermittedException($"只有主办单位可以{what}。");
        }
    }

    private void Record(string action, Actor actor, TicketStatus? from, TicketStatus? to, string? note, DateTimeOffset now, bool bumpVersion = true)
    {
        _timeline.Add(new TimelineEntry(now, action, actor.UserName, actor.UnitId, from, to, note));
        if (bumpVersion)
        {
            Version++;
        }

        UpdatedAt = now;
        Clocks.Refresh(RunningStages(), IsSuspended ? SuspendedUntil : null);
    }

    private void RaiseAlert(DeadlineStage stage, AlertKind kind, DateTimeOffset due, Actor actor, DateTimeOffset now)
    {
        _alerts.Add(new TicketAlert(stage, kind, due, Clocks.ClockEpoch, now, LeadUnitId));
        var what = StageName(stage);
        var note = kind == AlertKind.Warning
            ? $"{what}即将超期（期限 {ChinaTime.ToChina(due):yyyy-MM-dd HH:mm}）"
            : $"{what}已超期（期限 {ChinaTime.ToChina(due):yyyy-MM-dd HH:mm}），已升级督办";
        Record(kind == AlertKind.Warning ? TimelineActions.DeadlineWarning : TimelineActions.DeadlineOverdue, actor, Status, Status, note, now);
        Raise(new DeadlineAlertRaised(Id, Number, Status, Version, now, stage, kind, due, LeadUnitId));
    }

    /// <summary>The stages whose clocks run: none while the order is suspended.</summary>
    private IEnumerable<DeadlineStage> RunningStages() => IsSuspended ? [] : StagesInProgress();

    private IEnumerable<DeadlineStage> StagesInProgress()
    {
        if (Status is TicketStatus.Registered or TicketStatus.Replied or TicketStatus.Closed)
        {
            yield break;
        }

        if (AcceptedAt is null)
        {
            yield return DeadlineStage.Accept;
        }

        if (ContactedAt is null)
        {
            yield return DeadlineStage.Contact;
        }

        if (RepliedAt is null)
        {
            yield return DeadlineStage.Reply;
        }
    }

    private static string StageName(DeadlineStage stage) => stage switch { DeadlineStage.Accept => "签收", DeadlineStage.Contact => "联系市民", _ => "答复" };

    private static string UrgencyName(Urgency urgency) => ChineseLabels.Urgency(urgency);

    private static string TypeName(TicketType type) => ChineseLabels.Type(type);

    private static string Describe(Contracts.CallbackOutcome outcome, bool? solved, string? note)
    {
        var text = ChineseLabels.Outcome(outcome);
        if (solved is { } s)
        {
            text += s ? "，已解决" : "，未解决";
        }

        return string.IsNullOrWhiteSpace(note) ? text : $"{text}。{note}";
    }
}
