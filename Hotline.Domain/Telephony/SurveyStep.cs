namespace Hotline.Domain.Telephony;

/// <summary>What the callback sweep does with a survey whose time has come (<see cref="CallbackSurvey.Advance"/>).</summary>
public enum SurveyStep
{
    /// <summary>Not due (yet): left alone.</summary>
    None,

    /// <summary>The order no longer waits for this survey (answered by a person, closed, reworked): cancelled.</summary>
    Cancelled,

    /// <summary>Handed to the human callback queue.</summary>
    ToHuman,

    /// <summary>Outside the calling hours: moved to when they open.</summary>
    Postponed,

    /// <summary>The survey SMS is to be sent.</summary>
    SendSms,

    /// <summary>The keypad survey call is to be placed.</summary>
    PlaceCall,
}
