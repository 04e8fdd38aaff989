namespace Hotline.Domain.Telephony;

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
