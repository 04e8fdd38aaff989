using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>
/// The order's deadline clocks (时限, docs/deadlines.md): per stage its due and warning instants, which alerts were
/// raised on the running clocks, and the two indexed instants the lists and the deadline sweep read. Owned by
/// <see cref="Ticket"/> and stored in its row; the order decides which stages run (from its status and what was
/// done), the clocks only keep the arithmetic.
/// </summary>
public sealed class TicketClocks
{
    /// <summary>When the reply clock started (dispatch or rework); a redispatch after a return keeps it.</summary>
    public DateTimeOffset? ReplyStartedAt { get; private set; }

    /// <summary>The share of each stage's allowed time after which a warning is raised, fixed when the clocks start.</summary>
    public double WarningShare { get; private set; }

    public DateTimeOffset? AcceptDueAt { get; private set; }

    public DateTimeOffset? ContactDueAt { get; private set; }

    public DateTimeOffset? ReplyDueAt { get; private set; }

    public DateTimeOffset? AcceptWarnAt { get; private set; }

    public DateTimeOffset? ContactWarnAt { get; private set; }

    public DateTimeOffset? ReplyWarnAt { get; private set; }

    /// <summary>Which clocks count statutory working days, fixed when they start; a suspended clock restarts in its own unit.</summary>
    public WorkingDayStages WorkingDays { get; private set; }

    /// <summary>Goes up whenever a clock restarts, so an alert of a new clock never collides with one of an old clock that had the same due instant.</summary>
    public int ClockEpoch { get; private set; }

    /// <summary>Which alerts were raised on the running clocks (<see cref="AlertFlags"/>); cleared when a clock restarts.</summary>
    public AlertFlags AlertsRaised { get; private set; }

    /// <summary>The earliest deadline still running, or null when no clock runs. Indexed for overdue lists and the sweep.</summary>
    public DateTimeOffset? NextDueAt { get; private set; }

    /// <summary>The earliest instant at which an alert not yet raised falls due. Indexed: the deadline sweep reads only these.</summary>
    public DateTimeOffset? NextAlertAt { get; private set; }

    /// <summary>Whether an overdue alert was raised on a running clock (the supervisors' escalated list).</summary>
    public bool IsEscalated => (AlertsRaised & AlertFlags.AnyOverdue) != AlertFlags.None;

    public DateTimeOffset? DueAt(DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => AcceptDueAt,
        DeadlineStage.Contact => ContactDueAt,
        _ => ReplyDueAt,
    };

    /// <summary>Dispatch or rework: all three clocks start at <paramref name="now"/>, no alert raised.</summary>
    internal void Start(StageDeadlines deadlines, double warningShare, DateTimeOffset now)
    {
        ReplyStartedAt = now;
        WarningShare = warningShare;
        AcceptWarnAt = WarnAt(now, deadlines.AcceptDueAt);
        ContactWarnAt = WarnAt(now, deadlines.ContactDueAt);
        ReplyWarnAt = WarnAt(now, deadlines.ReplyDueAt);
        AlertsRaised = AlertFlags.None;
        ClockEpoch++;
        AcceptDueAt = deadlines.AcceptDueAt;
        ContactDueAt = deadlines.ContactDueAt;
        ReplyDueAt = deadlines.ReplyDueAt;
        WorkingDays = deadlines.WorkingDays;
    }

    /// <summary>A return approved and redispatched: fresh accept and contact clocks (and their alerts); the reply clock runs on.</summary>
    internal void RestartResponse(StageDeadlines fresh, double warningShare, DateTimeOffset now)
    {
        AcceptDueAt = fresh.AcceptDueAt;
        ContactDueAt = fresh.ContactDueAt;
        WarningShare = warningShare;
        AcceptWarnAt = WarnAt(now, fresh.AcceptDueAt);
        ContactWarnAt = WarnAt(now, fresh.ContactDueAt);
        AlertsRaised &= ~(AlertFlags.AcceptWarning | AlertFlags.AcceptOverdue | AlertFlags.ContactWarning | AlertFlags.ContactOverdue);
        WorkingDays = (WorkingDays & WorkingDayStages.Reply) | (fresh.WorkingDays & (WorkingDayStages.Accept | WorkingDayStages.Contact));
        ClockEpoch++;
    }

    /// <summary>A reply sent back by the review (办结审核): a fresh reply clock from the SLA table, its alerts cleared; the others stay as they are.</summary>
    internal void RestartReply(StageDeadlines fresh, double warningShare, DateTimeOffset now)
    {
        ReplyStartedAt = now;
        WarningShare = warningShare;
        ReplyDueAt = fresh.ReplyDueAt;
        ReplyWarnAt = WarnAt(now, fresh.ReplyDueAt);
        AlertsRaised &= ~(AlertFlags.ReplyWarning | AlertFlags.ReplyOverdue);
        WorkingDays = (WorkingDays & ~WorkingDayStages.Reply) | (fresh.WorkingDays & WorkingDayStages.Reply);
        ClockEpoch++;
    }

    /// <summary>
    /// 恢复计时: the clocks of <paramref name="stages"/>, stopped at <paramref name="since"/>, restart at <paramref name="resumedAt"/>
    /// with the time they had left, each in its own unit (<see cref="DeadlineCalculator.Resumed"/>). A warning not yet raised
    /// keeps its distance before the deadline; alerts already raised stay raised. Without a <paramref name="calendar"/>
    /// (an order closed while suspended) every clock moves by the time stopped: that is all its lateness verdict needs.
    /// </summary>
    internal void Resume(IEnumerable<DeadlineStage> stages, DateTimeOffset since, DateTimeOffset resumedAt, WorkingCalendar? calendar)
    {
        foreach (var stage in stages)
        {
            var (warnAt, dueAt, _, _) = Stage(stage);
            if (dueAt is not { } due)
            {
                continue;
            }

            var moved = DeadlineCalculator.Resumed(due, calendar is not null && WorkingDays.HasFlag(Flag(stage)), since, resumedAt, calendar ?? WorkingCalendar.Empty);
            var warn = warnAt is { } w ? moved - (due - w) : (DateTimeOffset?)null;
            switch (stage)
            {
                case DeadlineStage.Accept:
                    (AcceptDueAt, AcceptWarnAt) = (moved, warn);
                    break;
                case DeadlineStage.Contact:
                    (ContactDueAt, ContactWarnAt) = (moved, warn);
                    break;
                default:
                    (ReplyDueAt, ReplyWarnAt) = (moved, warn);
                    break;
            }
        }
    }

    /// <summary>An extension granted: the granted time is a fresh window, its warning at the same share of what remains.</summary>
    internal void ExtendReply(DateTimeOffset replyDueAt, DateTimeOffset now)
    {
        // A deadline granted to the end of a day (24:00 China time) keeps counting working days; one granted to an hour, clock time.
        if (ChinaTime.StartOfDay(ChinaTime.DateOf(replyDueAt)) != replyDueAt)
        {
            WorkingDays &= ~WorkingDayStages.Reply;
        }

        ReplyDueAt = replyDueAt;
        ReplyWarnAt = WarnAt(now, replyDueAt);
        AlertsRaised &= ~(AlertFlags.ReplyWarning | AlertFlags.ReplyOverdue);
        ClockEpoch++;
    }

    /// <summary>
    /// The alert of a running <paramref name="stage"/> that has fallen due at <paramref name="now"/> and was not raised
    /// on this clock yet, marked as raised; null when there is none.
    /// </summary>
    internal AlertKind? TakeDueAlert(DeadlineStage stage, DateTimeOffset now)
    {
        var (warnAt, dueAt, warnFlag, overdueFlag) = Stage(stage);
        if (dueAt is not { } due)
        {
            return null;
        }

        if (!AlertsRaised.HasFlag(overdueFlag) && now >= due)
        {
            // Passing the deadline implies its warning: a late sweep raises only the overdue alert.
            AlertsRaised |= warnFlag | overdueFlag;
            return AlertKind.Overdue;
        }

        if (!AlertsRaised.HasFlag(warnFlag) && warnAt is { } warn && now >= warn)
        {
            AlertsRaised |= warnFlag;
            return AlertKind.Warning;
        }

        return null;
    }

    /// <summary>
    /// Recomputes the two indexed instants from the stages still running (none when no clock runs). A suspended order
    /// runs no clock; <paramref name="wakeAt"/> (the end of its suspension) is then its next alert instant, so the
    /// deadline sweep, which reads only that index, restarts its clocks on time.
    /// </summary>
    internal void Refresh(IEnumerable<DeadlineStage> running, DateTimeOffset? wakeAt = null)
    {
        DateTimeOffset? nextDue = null;
        DateTimeOffset? nextAlert = null;
        foreach (var stage in running)
        {
            var (warnAt, dueAt, warnFlag, overdueFlag) = Stage(stage);
            nextDue = Min(nextDue, dueAt);
            if (!AlertsRaised.HasFlag(warnFlag))
            {
                nextAlert = Min(nextAlert, warnAt ?? dueAt);
            }
            else if (!AlertsRaised.HasFlag(overdueFlag))
            {
                nextAlert = Min(nextAlert, dueAt);
            }
        }

        NextDueAt = nextDue;
        NextAlertAt = Min(nextAlert, wakeAt);
    }

    private (DateTimeOffset? WarnAt, DateTimeOffset? DueAt, AlertFlags Warn, AlertFlags Overdue) Stage(DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => (AcceptWarnAt, AcceptDueAt, AlertFlags.AcceptWarning, AlertFlags.AcceptOverdue),
        DeadlineStage.Contact => (ContactWarnAt, ContactDueAt, AlertFlags.ContactWarning, AlertFlags.ContactOverdue),
        _ => (ReplyWarnAt, ReplyDueAt, AlertFlags.ReplyWarning, AlertFlags.ReplyOverdue),
    };

    private static WorkingDayStages Flag(DeadlineStage stage) => stage switch
    {
        DeadlineStage.Accept => WorkingDayStages.Accept,
        DeadlineStage.Contact => WorkingDayStages.Contact,
        _ => WorkingDayStages.Reply,
    };

    private DateTimeOffset WarnAt(DateTimeOffset start, DateTimeOffset due) =>
        start + TimeSpan.FromTicks((long)((due - start).Ticks * Math.Clamp(WarningShare, 0, 1)));

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);
}
