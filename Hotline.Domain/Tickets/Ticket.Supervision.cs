using Hotline.Contracts;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>
/// What the centre's supervisors add to an order besides its flow: 领导批示/交办 (instructions, tracked until the order
/// closes), the 疑难/典型 flags, and the 待研判 mark an agent sets on an order they cannot place.
/// </summary>
public sealed partial class Ticket
{
    private readonly List<TicketInstruction> _instructions = [];

    /// <summary>Instructions added by this instance (new ones only; the full list is read with a query).</summary>
    public IReadOnlyList<TicketInstruction> Instructions => _instructions;

    /// <summary>How many instructions the order has: an open order with any is on the supervisors' instructed list.</summary>
    public int InstructionCount { get; private set; }

    public DateTimeOffset? LastInstructedAt { get; private set; }

    /// <summary>疑难: hard to handle.</summary>
    public bool FlaggedHard { get; private set; }

    /// <summary>典型: a typical case, for training and publicity.</summary>
    public bool FlaggedTypical { get; private set; }

    /// <summary>待研判: an agent could not place this Registered order and asked the supervisors to assess it.</summary>
    public bool AssessmentPending { get; private set; }

    public string? AssessmentNote { get; private set; }

    public DateTimeOffset? AssessmentRequestedAt { get; private set; }

    public string? AssessmentRequestedBy { get; private set; }

    /// <summary>
    /// 领导批示/交办 on an open order. With <paramref name="replyDueAt"/>, the reply deadline becomes that instant; it may only be
    /// tighter than the running one (later than now, earlier than the current deadline), and the deadline sweep then uses it.
    /// </summary>
    public void Instruct(string text, string author, DateTimeOffset? replyDueAt, Actor actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw new InvalidTransitionException("instruct", Status);
        }

        string? dueNote = null;
        if (replyDueAt is { } wanted)
        {
            var due = wanted.ToUniversalTime();
            if (Clocks.ReplyDueAt is not { } current || RepliedAt is not null || Status is TicketStatus.Registered or TicketStatus.Replied)
            {
                throw new DomainException("工单当前没有正在计时的答复期限，不能压缩期限（可只作批示）。");
            }

            RequireNotSuspended();
            if (due <= now)
            {
                throw new DomainException("新的答复期限必须晚于现在。");
            }

            if (due >= current)
            {
                throw new DomainException($"批示只能压缩答复期限：新的期限须早于当前期限 {ChinaTime.ToChina(current):yyyy-MM-dd HH:mm}。");
            }

            Clocks.ExtendReply(due, now);
            replyDueAt = due;
            dueNote = $"（答复期限压缩至 {ChinaTime.ToChina(due):yyyy-MM-dd HH:mm}）";
        }

        _instructions.Add(new TicketInstruction(text, author, replyDueAt, actor.UserName, now));
        InstructionCount++;
        LastInstructedAt = now;
        Record(TimelineActions.Instructed, actor, Status, Status, $"{author}批示：{text}{dueNote}", now);
        Raise(new TicketInstructed(Id, Number, Status, Version, now, author, replyDueAt, LeadUnitId));
    }

    /// <summary>Sets (<paramref name="on"/>) or clears a supervisor's flag; setting a flag already set, or clearing one not set, is refused.</summary>
    public void SetFlag(TicketFlag flag, bool on, Actor actor, DateTimeOffset now)
    {
        var current = flag == TicketFlag.Hard ? FlaggedHard : FlaggedTypical;
        var name = ChineseLabels.Flag(flag);
        if (current == on)
        {
            throw new DomainException(on ? $"工单已标记为{name}。" : $"工单未标记为{name}。");
        }

        if (flag == TicketFlag.Hard)
        {
            FlaggedHard = on;
        }
        else
        {
            FlaggedTypical = on;
        }

        Record(on ? TimelineActions.FlagSet : TimelineActions.FlagCleared, actor, Status, Status, on ? $"标记为{name}" : $"取消{name}标记", now);
        Raise(new TicketFlagChanged(Id, Number, Status, Version, now, flag, on));
    }

    /// <summary>
    /// 待研判: an agent who cannot place a Registered order marks it for the supervisors, with a note. They resolve it as any
    /// new order (classify, dispatch); the dispatch, or any closing, clears the mark.
    /// </summary>
    public void RequestAssessment(string note, Actor actor, DateTimeOffset now)
    {
        RequireStatus("request assessment", TicketStatus.Registered);
        if (AssessmentPending)
        {
            throw new DomainException("工单已在待研判队列中。");
        }

        (AssessmentPending, AssessmentNote, AssessmentRequestedAt, AssessmentRequestedBy) = (true, note, now, actor.UserName);
        Record(TimelineActions.AssessmentRequested, actor, Status, Status, $"提交研判：{note}", now);
        Raise(new AssessmentRequested(Id, Number, Status, Version, now));
    }

    private void ClearAssessment() => AssessmentPending = false;
}
