using Hotline.Contracts;
using Hotline.Domain.Calendar;
using Hotline.Domain.Common;

namespace Hotline.Domain.Tickets;

/// <summary>申诉/考核豁免: the lead unit contests a callback or overdue verdict; an upheld appeal exempts it from the rates.</summary>
public sealed partial class Ticket
{
    /// <summary>
    /// 申诉 by the lead unit of a verdict on its order, within the window of <paramref name="windowWorkingDays"/> working days
    /// after it (<see cref="AppealPolicy.WindowEndsAt"/>). The verdict is the callback's (not an unreachable one), or the
    /// latest overdue one: <paramref name="lastOverdueAlertAt"/> (the sweep's 超期 alert) or a stage done after its deadline.
    /// The caller loads <see cref="Appeals"/> first.
    /// </summary>
    public TicketAppeal FileAppeal(Guid appealId, AppealKind kind, string reason, DateTimeOffset? lastOverdueAlertAt, int windowWorkingDays, WorkingCalendar calendar, Actor actor, DateTimeOffset now)
    {
        RequireLead(actor, "申诉");
        var what = ChineseLabels.AppealKind(kind);
        var (verdictAt, windowEndsAt, refusal) = AppealWindow(kind, lastOverdueAlertAt, windowWorkingDays, calendar, now);
        if (refusal is not null)
        {
            throw new DomainException(refusal);
        }

        var appeal = new TicketAppeal(appealId, Id, kind, reason, LeadUnitId!.Value, verdictAt!.Value, windowEndsAt!.Value, actor.UserName, now);
        _appeals.Add(appeal);
        Record(TimelineActions.AppealFiled, actor, Status, Status, $"{what}申诉：{reason}", now);
        Raise(new AppealFiled(Id, Number, Status, Version, now, appealId, kind, appeal.UnitId));
        return appeal;
    }

    /// <summary>
    /// A supervisor, never one of the appellant's unit, decides a pending appeal. Upheld: a callback verdict leaves the
    /// resolution and satisfaction rates, an overdue one the response and on-time reply rates (docs/kpis.md). Rejected
    /// (a note is required): nothing else changes.
    /// </summary>
    public void DecideAppeal(Guid appealId, bool upheld, string? note, Actor actor, DateTimeOffset now)
    {
        var appeal = _appeals.FirstOrDefault(a => a.Id == appealId) ?? throw new DomainException("该工单没有这条申诉。");
        if (appeal.Status != AppealStatus.Pending)
        {
            throw new DomainException("该申诉已审核，不能再次审核。");
        }

        if (actor.UnitId is { } unitId && unitId == appeal.UnitId)
        {
            throw new ActorNotPermittedException("申诉单位的人员不能审核本单位的申诉。");
        }

        var text = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!upheld && text is null)
        {
            throw new DomainException("驳回申诉须填写审核意见。");
        }

        appeal.Decide(upheld, text, actor.UserName, now);
        var what = ChineseLabels.AppealKind(appeal.Kind);
        if (upheld && appeal.Kind == AppealKind.Callback)
        {
            CallbackExemptedAt = appeal.VerdictAt;
        }
        else if (upheld)
        {
            LatenessExempted = true;
        }

        var effect = !upheld ? $"{what}申诉不成立" : appeal.Kind == AppealKind.Callback
            ? $"{what}申诉成立：该次回访不计入解决率和满意率"
            : $"{what}申诉成立：超期不计入响应率和按时答复率";
        Record(upheld ? TimelineActions.AppealUpheld : TimelineActions.AppealRejected, actor, Status, Status, text is null ? effect : $"{effect}。{text}", now);
        Raise(new AppealDecided(Id, Number, Status, Version, now, appealId, appeal.Kind, upheld, appeal.UnitId));
    }

    /// <summary>
    /// Whether a <paramref name="kind"/> appeal may be filed at <paramref name="now"/>: the verdict and the end of its window,
    /// or the refusal (in Chinese) when there is no verdict, one is pending, it is already exempted or the window has passed.
    /// </summary>
    public (DateTimeOffset? VerdictAt, DateTimeOffset? WindowEndsAt, string? Refusal) AppealWindow(
        AppealKind kind, DateTimeOffset? lastOverdueAlertAt, int windowWorkingDays, WorkingCalendar calendar, DateTimeOffset now)
    {
        var what = ChineseLabels.AppealKind(kind);
        if ((kind == AppealKind.Callback ? CallbackVerdictAt() : OverdueVerdictAt(lastOverdueAlertAt)) is not { } verdictAt)
        {
            return (null, null, kind == AppealKind.Callback ? "工单尚无有效的回访结果，没有可申诉的回访评价。" : "工单未被认定超期，没有可申诉的超期。");
        }

        var windowEndsAt = AppealPolicy.WindowEndsAt(verdictAt, windowWorkingDays, calendar);
        if (_appeals.Any(a => a.Kind == kind && a.Status == AppealStatus.Pending))
        {
            return (verdictAt, windowEndsAt, $"已有待审核的{what}申诉，请等待督办审核。");
        }

        if (kind == AppealKind.Callback ? IsCallbackExempted : LatenessExempted)
        {
            return (verdictAt, windowEndsAt, $"{what}申诉已成立，该项已不计入考核，无需再申诉。");
        }

        return now >= windowEndsAt
            ? (verdictAt, windowEndsAt, $"申诉期已过：{what}认定后 {windowWorkingDays} 个工作日内可申诉，截至 {ChinaTime.ToChina(windowEndsAt).AddMinutes(-1):yyyy-MM-dd HH:mm}。")
            : (verdictAt, windowEndsAt, null);
    }

    /// <summary>The callback verdict that may be appealed: a callback that reached the citizen.</summary>
    public DateTimeOffset? CallbackVerdictAt() =>
        CallbackAt is { } at && CallbackOutcome is { } outcome && outcome != Contracts.CallbackOutcome.Unreachable ? at : null;

    /// <summary>The latest overdue verdict: the sweep's latest overdue alert, or a stage of this round done after its deadline.</summary>
    public DateTimeOffset? OverdueVerdictAt(DateTimeOffset? lastOverdueAlertAt)
    {
        DateTimeOffset?[] candidates =
        [
            lastOverdueAlertAt,
            AcceptedAt > Clocks.AcceptDueAt ? AcceptedAt : null,
            ContactedAt > Clocks.ContactDueAt ? ContactedAt : null,
            RepliedAt > Clocks.ReplyDueAt ? RepliedAt : null,
        ];
        return candidates.Max();
    }
}
