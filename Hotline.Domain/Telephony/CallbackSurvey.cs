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

    /// <summary>The sweep acts on a survey whose <see cref="DueAt"/> has come.</summary>
    public bool IsDue(DateTimeOffset now) => DueAt is { } due && due <= now;

    /// <summary>
    /// The callback sweep's next step for this survey at <paramref name="now"/>, applied when it changes only the
    /// survey (cancel, to a person, postpone); an SMS or a call is returned for the sweep to send, which then records
    /// it with <see cref="SmsSent"/> or <see cref="CallPlaced"/>. In order: an order that no longer waits for this
    /// survey (not Replied, or replied again after a rework: <paramref name="orderRound"/> differs) cancels it; a
    /// survey whose call has run out of time, or any survey when surveys are not automated, goes to a person; outside
    /// the calling hours it waits for <paramref name="withinHours"/>; then what was already attempted decides, so the
    /// same SMS or call is never tried twice: after a call a person, after an SMS (or for a phone that takes no SMS)
    /// the call, else the SMS.
    /// </summary>
    /// <param name="orderStatus">The order's status; null when the order is gone.</param>
    /// <param name="orderRound">The order's rework count.</param>
    /// <param name="automated">Whether surveys run on a line (not only by people).</param>
    /// <param name="withinHours">The earliest instant from <paramref name="now"/> inside the calling hours.</param>
    /// <param name="attempted">The purposes of the messages already sent for this survey (<see cref="SurveyMessage.SurveySms"/>, <see cref="SurveyMessage.SurveyCall"/>).</param>
    /// <param name="now">The sweep's instant.</param>
    public SurveyStep Advance(TicketStatus? orderStatus, int orderRound, bool automated, DateTimeOffset withinHours, IReadOnlyCollection<string> attempted, DateTimeOffset now)
    {
        if (!IsDue(now))
        {
            return SurveyStep.None;
        }

        if (orderStatus != TicketStatus.Replied || orderRound != Round)
        {
            Cancel(now);
            return SurveyStep.Cancelled;
        }

        if (Stage == SurveyStage.CallPlaced || !automated)
        {
            ToHuman(now);
            return SurveyStep.ToHuman;
        }

        if (withinHours > now)
        {
            Postpone(withinHours, now);
            return SurveyStep.Postponed;
        }

        if (attempted.Contains(SurveyMessage.SurveyCall))
        {
            ToHuman(now);
            return SurveyStep.ToHuman;
        }

        return Stage is SurveyStage.SmsSent or SurveyStage.SmsAwaitingSolved || attempted.Contains(SurveyMessage.SurveySms) || !PhoneNumbers.IsMobile(Phone)
            ? SurveyStep.PlaceCall
            : SurveyStep.SendSms;
    }

    /// <summary>
    /// A key pressed in the survey call on <paramref name="question"/> (<paramref name="digit"/> is <c>'\0'</c> when
    /// none was): satisfaction first, kept until the second key; then solved, which completes the survey (the caller
    /// records it on the order). The solved question without a kept satisfaction asks for the satisfaction. No or a
    /// wrong key asks once more, up to the third attempt, then gives up. A survey no longer answerable only thanks.
    /// </summary>
    public KeypadStep AnswerByKeypad(SurveyQuestion question, char digit, int attempt, DateTimeOffset now)
    {
        if (!IsAnswerable)
        {
            return new KeypadStep(KeypadAction.Thank, question, attempt);
        }

        if (question == SurveyQuestion.Satisfaction && SurveyAnswer.IsSatisfaction(digit))
        {
            KeepSatisfaction(digit - '0', now);
            return new KeypadStep(KeypadAction.Ask, SurveyQuestion.Solved, 1);
        }

        if (question == SurveyQuestion.Solved && Satisfaction is not null && SurveyAnswer.IsSolved(digit))
        {
            return new KeypadStep(KeypadAction.Complete, question, attempt, Solved: digit == '1');
        }

        if (question == SurveyQuestion.Solved && Satisfaction is null)
        {
            return new KeypadStep(KeypadAction.Ask, SurveyQuestion.Satisfaction, 1);
        }

        return attempt >= 3
            ? new KeypadStep(KeypadAction.GiveUp, question, attempt)
            : new KeypadStep(KeypadAction.AskAgain, question, attempt + 1);
    }

    public void SmsSent(DateTimeOffset answerBy, DateTimeOffset now) => Move(SurveyStage.SmsSent, answerBy, now);

    /// <summary>The line refused the SMS (e.g. an invalid or unsubscribed number): the call follows at the next sweep.</summary>
    public void SmsRefused(DateTimeOffset now) => Postpone(now, now);

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
    private void KeepSatisfaction(int satisfaction, DateTimeOffset now)
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
