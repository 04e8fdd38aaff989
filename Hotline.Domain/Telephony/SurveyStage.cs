namespace Hotline.Domain.Telephony;

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
