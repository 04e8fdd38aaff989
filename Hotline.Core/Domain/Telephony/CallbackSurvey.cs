using Hotline.Contracts;

namespace Hotline.Core.Domain.Telephony;

public enum SurveyStage
{
    /// <summary>Waiting for the delay after the reply (and the calling hours) to send the SMS.</summary>
    Scheduled,

    /// <summary>SMS sent; waiting for the two-digit answer until <see cref="CallbackSurvey.DueAt"/>.</summary>
    SmsSent,

    /// <summary>The citizen answered satisfaction only; the follow-up asked whether it was solved.</summary>
    SmsAwaitingSolved,

    /// <summary>Keypad survey call placed; waiting for the keys until <see cref="CallbackSurvey.DueAt"/>.</summary>
    CallPlaced,

    /// <summary>No automated answer: a person calls back (the callback queue).</summary>
    Human,

    /// <summary>Answered; the outcome went through RecordCallback.</summary>
    Completed,

    /// <summary>The order left Replied by other means (a person recorded the callback, a supervisor closed it).</summary>
    Cancelled,
}

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

    /// <summary>No phone that can be texted or called: the order goes to a person straight away.</summary>
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

    /// <summary>Satisfaction given by SMS without the second digit: ask for it, keeping the SMS deadline.</summary>
    public void AwaitSolved(int satisfaction, DateTimeOffset now)
    {
        Satisfaction = satisfaction;
        Move(SurveyStage.SmsAwaitingSolved, DueAt, now);
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

public enum SurveyMessageDirection
{
    Outbound,
    Inbound,
}

/// <summary>
/// Every SMS and call of a survey. An outbound one is written (with its unique <see cref="Purpose"/> per survey)
/// and committed before Twilio is asked: a second run of the sweep cannot insert it again, so nothing is sent
/// twice. Inbound ones are unique by Twilio's sid, so a repeated webhook delivery changes nothing.
/// </summary>
public sealed class SurveyMessage
{
    public const string SurveySms = "survey-sms";
    public const string SurveyCall = "survey-call";

    private SurveyMessage()
    {
    }

    public Guid Id { get; private set; }

    public Guid SurveyId { get; private set; }

    public SurveyMessageDirection Direction { get; private set; }

    /// <summary>Outbound only: <c>survey-sms</c> or <c>survey-call</c>; unique per survey.</summary>
    public string? Purpose { get; private set; }

    /// <summary>Twilio's SM…/CA… sid; unique.</summary>
    public string? Sid { get; private set; }

    public string Phone { get; private set; } = null!;

    public string? Body { get; private set; }

    /// <summary>Twilio's status, or <c>sending</c> (intent committed), <c>unknown</c> (no answer from Twilio), <c>failed</c>.</summary>
    public string Status { get; private set; } = null!;

    public string? Error { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static SurveyMessage Intent(Guid surveyId, string purpose, string phone, string? body, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SurveyId = surveyId,
        Direction = SurveyMessageDirection.Outbound,
        Purpose = purpose,
        Phone = phone,
        Body = body,
        Status = "sending",
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static SurveyMessage Received(Guid surveyId, string sid, string phone, string body, DateTimeOffset now) => new()
    {
        Id = Guid.NewGuid(),
        SurveyId = surveyId,
        Direction = SurveyMessageDirection.Inbound,
        Sid = sid,
        Phone = phone,
        Body = body,
        Status = "received",
        CreatedAt = now,
        UpdatedAt = now,
    };

    private static readonly HashSet<string> Terminal = new(StringComparer.Ordinal)
    {
        "delivered", "undelivered", "failed", "received", "read", "canceled", "completed", "busy", "no-answer",
    };

    public void Accepted(string sid, string? status, DateTimeOffset now)
    {
        Sid = sid;
        Status = status ?? "queued";
        UpdatedAt = now;
    }

    public void Failed(string status, string error, DateTimeOffset now)
    {
        Status = status;
        Error = error.Length > 500 ? error[..500] : error;
        UpdatedAt = now;
    }

    /// <summary>A status callback; terminal statuses stay.</summary>
    public bool ApplyStatus(string status, string? errorCode, DateTimeOffset now)
    {
        if (Terminal.Contains(Status) || Status == status)
        {
            return false;
        }

        Status = status;
        Error = errorCode is null ? Error : $"Twilio error {errorCode}";
        UpdatedAt = now;
        return true;
    }
}
