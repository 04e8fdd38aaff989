using Hotline.Contracts;

namespace Hotline.Domain.Telephony;

/// <summary>
/// The automated 回访 of one reply of an order (one per round: a reworked order is surveyed again). The
/// indexed <see cref="DueAt"/> drives the callback sweep, exactly as NextAlertAt drives the deadline sweep.
/// </summary>
public sealed class CallbackSurvey
{
    public static readonly SurveyStage[] Automated = [SurveyStage.Scheduled, SurveyStage.SmsSent, SurveyStage.SmsAwaitingSolved, SurveyStage.CallPlaced];

    /// <summary>Stages in which an answer by SMS or keypad is still taken.</summary>
    public static readonly SurveyStage[] Answerable = [SurveyStage.SmsSent, SurveyStage.SmsAwaitingSolved, SurveyStage.CallPlaced, SurveyStage.Human];

    private CallbackSurvey()
    {
    }

    public Guid Id { get; private set; }

    public Guid TicketId { get; private set; }

    /// <summary>The order's rework count when it was replied: one survey per reply.</summary>
    public int Round { get; private set; }

    /// <summary>The citizen's phone as registered (digits only, national form for mainland numbers).</summary>
    public string Phone { get; private set; } = null!;

    public SurveyStage Stage { get; private set; }

    /// <summary>When the sweep must act next; null when nothing is left for the sweep.</summary>
    public DateTimeOffset? DueAt { get; private set; }

    /// <summary>1 满意, 2 基本满意, 3 不满意.</summary>
    public int? Satisfaction { get; private set; }

    public bool? Solved { get; private set; }

    public string? AnsweredBy { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public int Version { get; private set; }

    public bool IsAnswerable => Answerable.Contains(Stage);

    public static CallbackSurvey Schedule(Guid ticketId, int round, string phone, DateTimeOffset dueAt, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        Round = round,
        Phone = phone,
        Stage = SurveyStage.Scheduled,
        DueAt = dueAt,
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>No phone that can be texted or called (or a demo order from before any line): the order goes to a person straight away.</summary>
    public static CallbackSurvey ForPerson(Guid ticketId, int round, string? phone, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        TicketId = ticketId,
        Round = round,
        Phone = phone is null ? string.Empty : phone.Length > 32 ? phone[..32] : phone,
        Stage = SurveyStage.Human,
        CreatedAt = now,
        UpdatedAt = now,
    };

    public void SmsSent(DateTimeOffset answerBy, DateTimeOffset now) => Move(SurveyStage.SmsSent, answerBy, now);

    public void CallPlaced(DateTimeOffset answerBy, DateTimeOffset now) => Move(SurveyStage.CallPlaced, answerBy, now);

    public void Postpone(DateTimeOffset dueAt, DateTimeOffset now) => Move(Stage, dueAt, now);

    public void ToHuman(DateTimeOffset now) => Move(SurveyStage.Human, null, now);

    public void Cancel(DateTimeOffset now) => Move(SurveyStage.Cancelled, null, now);

    /// <summary>
    /// Satisfaction given by SMS without the second digit: kept until the solved digit arrives. Only a survey
    /// waiting for its SMS answer changes stage (keeping its deadline); one already at the call or with a person
    /// stays there, so it is neither lost from the human queue nor called twice.
    /// </summary>
    public void AwaitSolved(int satisfaction, DateTimeOffset now)
    {
        Satisfaction = satisfaction;
        Move(Stage == SurveyStage.SmsSent ? SurveyStage.SmsAwaitingSolved : Stage, DueAt, now);
    }

    /// <summary>A keypad answer to the first question, kept until the second key arrives.</summary>
    public void KeepSatisfaction(int satisfaction, DateTimeOffset now)
    {
        Satisfaction = satisfaction;
        UpdatedAt = now;
        Version++;
    }

    public void Complete(int satisfaction, bool solved, string answeredBy, DateTimeOffset now)
    {
        Satisfaction = satisfaction;
        Solved = solved;
        AnsweredBy = answeredBy;
        CompletedAt = now;
        Move(SurveyStage.Completed, null, now);
    }

    public static CallbackOutcome OutcomeOf(int satisfaction) => satisfaction switch
    {
        1 => CallbackOutcome.Satisfied,
        2 => CallbackOutcome.BasicallySatisfied,
        3 => CallbackOutcome.Dissatisfied,
        _ => throw new ArgumentOutOfRangeException(nameof(satisfaction)),
    };

    private void Move(SurveyStage stage, DateTimeOffset? dueAt, DateTimeOffset now)
    {
        Stage = stage;
        DueAt = dueAt;
        UpdatedAt = now;
        Version++;
    }
}
